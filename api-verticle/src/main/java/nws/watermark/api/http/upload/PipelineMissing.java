package nws.watermark.api.http.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once, loudly, that a Netty handler of ours found no place in Vert.x's pipeline: the names it
 * relies on are Vert.x internals, and after an upgrade the guard would otherwise do nothing quietly.
 */
final class PipelineMissing {

  private static final Logger log = LoggerFactory.getLogger(PipelineMissing.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private PipelineMissing() {}

  static void warnOnce(String handler, String anchor) {
    if (WARNED.add(handler)) {
      log.warn("{} is not installed: the connection's pipeline has no '{}' (a Vert.x upgrade?); "
          + "the requests it guards against are answered as Vert.x alone answers them", handler, anchor);
    }
  }
}
