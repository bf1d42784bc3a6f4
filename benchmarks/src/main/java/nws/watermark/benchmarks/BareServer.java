package nws.watermark.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ceiling for a cache hit: a bare Vert.x server that only receives an upload, hashes it with
 * SHA-256 chunk by chunk, and answers the digest. Usage: {@code BareServer PORT}; 127.0.0.1 only.
 */
public final class BareServer {

  private BareServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(BareServer::hash)
        .listen()
        .onSuccess(s -> System.out.println("bare server listening on 127.0.0.1:" + s.actualPort()))
        .onFailure(err -> {
          err.printStackTrace();
          System.exit(1);
        });
  }

  private static void hash(HttpServerRequest request) {
    MessageDigest digest = sha256();
    request.handler(chunk -> digest.update(((BufferInternal) chunk).getByteBuf().nioBuffer()));
    request.endHandler(v -> request.response()
        .putHeader("Content-Type", "text/plain")
        .end(Buffer.buffer(HexFormat.of().formatHex(digest.digest()))));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
