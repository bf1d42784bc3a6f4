package nws.watermark.api.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nws.watermark.api.access.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request once its answer is sent: id, method, path, status, bytes written,
 * milliseconds taken, the cache result, the client's address and its API key's id (never the key).
 * In JSON format each is a field of its own. The id comes from the client's {@code X-Request-Id}
 * when it sends a sane one, and is echoed back.
 */
final class RequestLog implements Handler<RoutingContext> {

  static final String X_REQUEST_ID = "X-Request-Id";
  /** Ids a client may choose: short and printable, so a log line cannot be forged or flooded. */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String id = id(ctx.request().getHeader(X_REQUEST_ID));
    ctx.response().putHeader(X_REQUEST_ID, id);
    ctx.addEndHandler(done -> line(ctx, id, start));
    ctx.next();
  }

  private static void line(RoutingContext ctx, String id, long start) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    String cache = response.headers().get(ImageResponder.X_CACHE);
    Client client = Client.of(ctx);
    log.info("{} {} {} {} {} {} {} {} {}",
        kv("id", id),
        kv("method", request.method().name()),
        kv("path", request.path()),
        kv("status", response.getStatusCode()),
        kv("bytes", response.bytesWritten()),
        kv("ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)),
        kv("cache", cache == null ? "-" : cache),
        kv("client", client.address()),
        kv("key", client.keyId() == null ? "-" : client.keyId()));
  }

  private static String id(String fromClient) {
    if (fromClient != null && CLIENT_ID.matcher(fromClient).matches()) {
      return fromClient;
    }
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
