package nws.watermark.api.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nws.watermark.optimizer.boot.Boot;
import nws.watermark.shared.Config;
import nws.watermark.shared.config.ClusterConfig;

/**
 * What the clustered event-bus hop costs against the local one: the median round trip of a
 * request carrying 0.5, 2 and 10 MB of raw bytes and answered with 100 kB (a typical JPEG),
 * to a consumer in the same Vert.x (baseline) and to one on another cluster member over
 * loopback TCP (candidate). Both members run in this JVM. Fixed seed, 10 warm-up and 40
 * measured round trips per size.
 *
 * <pre>java -cp "$(cat api-verticle/target/test-classpath.txt)" nws.watermark.api.cluster.HopBench</pre>
 */
public final class HopBench {

  private static final String ADDRESS = "nws.bench.echo";
  private static final int WARMUP = 10;
  private static final int ROUNDS = 40;
  private static final List<Integer> SIZES = List.of(512 * 1024, 2 * 1024 * 1024, 10 * 1024 * 1024);

  private HopBench() {}

  public static void main(String[] args) {
    Buffer answer = payload(100 * 1024);
    Vertx local = Vertx.vertx();
    local.eventBus().<Buffer>consumer(ADDRESS, msg -> msg.reply(answer)).completion().await();

    int portA = Nodes.freePort();
    int portB = Nodes.freePort();
    Vertx sender = Boot.vertx(clustered(portA, portB)).await();
    Vertx receiver = Boot.vertx(clustered(portB, portA)).await();
    receiver.eventBus().<Buffer>consumer(ADDRESS, msg -> msg.reply(answer)).completion().await();

    // One pass over every size first, so the first size measured is not the one the JIT learns on.
    for (int size : SIZES) {
      medianMs(local, payload(size));
      medianMs(sender, payload(size));
    }
    System.out.println("payload   local p50   clustered p50   ratio");
    for (int size : SIZES) {
      Buffer body = payload(size);
      double baseline = medianMs(local, body);
      double candidate = medianMs(sender, body);
      System.out.printf("%5.1f MB   %7.2f ms   %11.2f ms   %5.1fx%n", size / 1048576.0, baseline, candidate,
          candidate / baseline);
    }
    Future.all(sender.close(), receiver.close(), local.close()).await();
  }

  private static Config clustered(int port, int peer) {
    Map<String, String> env = new HashMap<>();
    env.put(ClusterConfig.CLUSTER.name(), "true");
    env.put(ClusterConfig.CONFIG.name(), Nodes.CLUSTER_XML.toString());
    env.put(ClusterConfig.HOST.name(), "127.0.0.1");
    env.put(ClusterConfig.PORT.name(), Integer.toString(port));
    env.put(ClusterConfig.MEMBERS.name(), "127.0.0.1:" + peer);
    return Config.fromEnv(env);
  }

  private static double medianMs(Vertx vertx, Buffer body) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(60_000);
    for (int i = 0; i < WARMUP; i++) {
      vertx.eventBus().request(ADDRESS, body, options).await();
    }
    double[] ms = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t0 = System.nanoTime();
      vertx.eventBus().request(ADDRESS, body, options).await();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ROUNDS / 2];
  }

  private static Buffer payload(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return Buffer.buffer(bytes);
  }
}
