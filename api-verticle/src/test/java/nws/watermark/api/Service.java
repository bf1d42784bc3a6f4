package nws.watermark.api;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running NWS Watermark for a test class: the production deployment (optimizers and API in
 * one Vert.x) with a test configuration, on a free loopback port, and a client for it. A test
 * class that shares one registers it: {@code @RegisterExtension static final Service service =
 * Service.start();} and it is closed after the class's last test.
 */
public final class Service implements AutoCloseable, AfterAllCallback {

  public static final Path CORPUS = Path.of(System.getProperty("nws.corpus.dir", "../../shared/corpus"));

  public final Vertx vertx;
  public final WebClient client;
  public final Path storage;
  public final int port;

  private Service(Vertx vertx, Path storage, int port) {
    this.vertx = vertx;
    this.storage = storage;
    this.port = port;
    this.client = WebClient.create(vertx,
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(32));
  }

  /** Starts the service with the defaults overridden by {@code env}. */
  public static Service start(Map<String, String> env) {
    return start(env, Metrics.vertxBuilder().build());
  }

  /** Starts the service with the defaults overridden by {@code env}, on {@code vertx} (closed with it). */
  public static Service start(Map<String, String> env, Vertx vertx) {
    try {
      Path storage = Files.createTempDirectory("nws-test-");
      Map<String, String> all = new HashMap<>(env);
      all.putIfAbsent(HttpConfig.HOST.name(), "127.0.0.1");
      all.putIfAbsent(HttpConfig.PORT.name(), "0");
      all.putIfAbsent(StorageConfig.DIR.name(), storage.toString());
      ApiVerticle api = ApiMain.deploy(vertx, Config.fromEnv(all)).await();
      return new Service(vertx, storage, api.port());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Service start() {
    return start(Map.of());
  }

  /**
   * A counter of the jobs this node sends to the optimizer address from now on (each delivery
   * counts): what a test reads to prove a hit rendered nothing.
   */
  public AtomicInteger optimizerSends() {
    AtomicInteger sends = new AtomicInteger();
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      if (Addresses.OPTIMIZE.equals(ctx.message().address())) {
        sends.incrementAndGet();
      }
      ctx.next();
    });
    return sends;
  }

  /** A temporary folder holding one logo, {@code <name>.png}: a solid red {@code w} x {@code h} PNG. */
  public static Path redLogo(String name, int w, int h) {
    try {
      Path dir = Files.createTempDirectory("nws-logos-");
      BufferedImage logo = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = logo.createGraphics();
      g.setColor(Color.RED);
      g.fillRect(0, 0, w, h);
      g.dispose();
      ImageIO.write(logo, "png", dir.resolve(name + ".png").toFile());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] corpus(String name) {
    try {
      return Files.readAllBytes(CORPUS.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Uploads {@code bytes} as multipart field {@code image}, with query options. */
  public HttpResponse<Buffer> upload(String name, byte[] bytes, String query) {
    MultipartForm form = MultipartForm.create()
        .binaryFileUpload("image", name, Buffer.buffer(bytes), contentTypeOf(name));
    return client.post("/upload" + query).sendMultipartForm(form).await();
  }

  public HttpResponse<Buffer> upload(String corpusFile) {
    return upload(corpusFile, corpus(corpusFile), "");
  }

  /** Uploads {@code bytes} as a raw body with {@code contentType}. */
  public HttpResponse<Buffer> uploadRaw(byte[] bytes, String contentType, String query) {
    return sendRaw(bytes, contentType, query).await();
  }

  /** As {@link #uploadRaw}, without waiting for the answer. */
  public Future<HttpResponse<Buffer>> sendRaw(byte[] bytes, String contentType, String query) {
    HttpRequest<Buffer> req = client.post("/upload" + query);
    if (contentType != null) {
      req.putHeader("Content-Type", contentType);
    }
    return req.sendBuffer(Buffer.buffer(bytes));
  }

  public HttpResponse<Buffer> get(String uri, MultiMap headers) {
    return client.get(uri).putHeaders(headers).send().await();
  }

  public static BufferedImage image(HttpResponse<Buffer> response) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body().getBytes()));
      if (image == null) {
        throw new AssertionError("response is not an image: " + response.bodyAsString());
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contentTypeOf(String name) {
    String lower = name.toLowerCase();
    if (lower.endsWith(".png")) return "image/png";
    if (lower.endsWith(".gif")) return "image/gif";
    if (lower.endsWith(".bmp")) return "image/bmp";
    if (lower.endsWith(".webp")) return "image/webp";
    return "image/jpeg";
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    client.close();
    vertx.close().await();
    try (var files = Files.walk(storage)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is not worth failing a test for
    }
  }
}
