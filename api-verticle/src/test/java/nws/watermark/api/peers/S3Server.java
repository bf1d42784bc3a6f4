package nws.watermark.api.peers;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * S3Proxy (a real S3-compatible server, filesystem backend, path-style) on a free loopback port,
 * run from the jar Maven copies into {@code target/s3proxy/}. Keys nwsaccess / nwssecret.
 */
public final class S3Server extends Peer {

  public static final String ACCESS_KEY = "nwsaccess";
  public static final String SECRET_KEY = "nwssecret";

  private final Path jar;

  private S3Server() throws IOException {
    super(folder("s3-"));
    this.jar = Path.of(System.getProperty("nws.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no S3Proxy jar at " + jar + "; build with Maven, which copies it there");
    }
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + dir.resolve("data"),
        ""));
  }

  public static S3Server started() {
    try {
      S3Server s3 = new S3Server();
      s3.start();
      return s3;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  protected List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--properties", dir.resolve("s3proxy.properties").toString());
  }

  @Override
  protected boolean answers() {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
      http.setConnectTimeout(500);
      http.setReadTimeout(2_000);
      int status = http.getResponseCode();
      http.disconnect();
      return status > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** A client of this server, as a test reads the bucket with. */
  public MinioClient client() {
    return MinioClient.builder().endpoint(endpoint()).credentials(ACCESS_KEY, SECRET_KEY).region("us-east-1").build();
  }

  /** The stored object's bytes, or null when there is none. */
  public byte[] object(String bucket, String name) {
    try (InputStream in = client().getObject(GetObjectArgs.builder().bucket(bucket).object(name).build())) {
      return in.readAllBytes();
    } catch (io.minio.errors.ErrorResponseException e) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException("reading " + bucket + "/" + name + " failed", e);
    }
  }

  public StatObjectResponse stat(String bucket, String name) {
    try {
      return client().statObject(StatObjectArgs.builder().bucket(bucket).object(name).build());
    } catch (Exception e) {
      throw new IllegalStateException("stat " + bucket + "/" + name + " failed", e);
    }
  }
}
