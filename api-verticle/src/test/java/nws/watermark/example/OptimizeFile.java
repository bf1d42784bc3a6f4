package nws.watermark.example;

import com.hazelcast.config.FileSystemXmlConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.nio.file.Path;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.BusHeaders;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.Options;

/**
 * A complete event-bus client of the optimizer, using nothing but the shared module, Vert.x and
 * vertx-hazelcast: it joins the cluster with the nodes' {@code cluster.xml}, sends one image with
 * its options as headers, and writes the answer.
 *
 * <pre>java -cp shared.jar:... nws.watermark.example.OptimizeFile in.jpg out.jpg 640</pre>
 *
 * Exit code 0 with the image written, 1 with the shared error code on stderr.
 */
public final class OptimizeFile {

  private OptimizeFile() {}

  public static void main(String[] args) throws Exception {
    Buffer original = Buffer.buffer(Files.readAllBytes(Path.of(args[0])));
    DeliveryOptions job = new DeliveryOptions()
        .setSendTimeout(30_000)
        .addHeader(Options.W.name(), args.length > 2 ? args[2] : "640")
        .addHeader(Options.WM.name(), "sent over the event bus");
    String clusterXml = System.getenv().getOrDefault("NWS_CLUSTER_CONFIG", "cluster.xml");
    Vertx vertx = Vertx.builder()
        .withClusterManager(new HazelcastClusterManager(new FileSystemXmlConfig(clusterXml)))
        .buildClustered().await();
    int exit = 0;
    try {
      Message<Buffer> reply = vertx.eventBus().<Buffer>request(Addresses.OPTIMIZE, original, job).await();
      Files.write(Path.of(args[1]), reply.body().getBytes());
      System.out.printf("%s %sx%s, %d bytes, from optimizer node %s%n",
          reply.headers().get(BusHeaders.CONTENT_TYPE), reply.headers().get(BusHeaders.WIDTH),
          reply.headers().get(BusHeaders.HEIGHT), reply.body().length(), reply.headers().get(BusHeaders.NODE_ID));
    } catch (ReplyException e) {
      System.err.println(ErrorCode.of(e) + ": " + e.getMessage());
      exit = 1;
    } finally {
      vertx.close().await();
    }
    System.exit(exit);
  }
}
