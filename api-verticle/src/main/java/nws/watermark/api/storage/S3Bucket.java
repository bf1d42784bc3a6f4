package nws.watermark.api.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.util.Set;
import nws.watermark.shared.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The originals' bucket through the MinIO SDK, path-style. Every method blocks, and so does the
 * constructor (it loads OkHttp and the JDK's trust store): call them on a worker thread, never the
 * event loop.
 */
final class S3Bucket {

  private static final Logger log = LoggerFactory.getLogger(S3Bucket.class);
  private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

  private final MinioClient client;
  private final String bucket;

  S3Bucket(StorageConfig config) {
    this.client = MinioClient.builder()
        .endpoint(config.s3Endpoint())
        .credentials(config.s3AccessKey(), config.s3SecretKey().value())
        .region(config.s3Region())
        .build();
    long t = config.s3TimeoutMs();
    client.setTimeout(Math.min(t, 2_000), t, t);
    this.bucket = config.s3Bucket();
  }

  String name() {
    return bucket;
  }

  /** Creates the bucket when it is missing. */
  void ensureExists() throws Exception {
    if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      log.info("created bucket {}", bucket);
    }
  }

  /** One HEAD, and a PUT only when the object is missing; true when it wrote. */
  boolean putIfMissing(String sha256, Buffer bytes, String contentType) throws Exception {
    if (exists(sha256)) {
      return false;
    }
    byte[] data = bytes.getBytes();
    client.putObject(PutObjectArgs.builder()
        .bucket(bucket)
        .object(OriginalStore.objectName(sha256))
        .contentType(contentType)
        .stream(new ByteArrayInputStream(data), data.length, -1)
        .build());
    return true;
  }

  /** Removes the original; S3 answers a missing object as removed too. */
  void remove(String sha256) throws Exception {
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(OriginalStore.objectName(sha256)).build());
  }

  /** The original's bytes; throws {@code NOT_FOUND} when there is none. */
  Buffer read(String sha256) throws Exception {
    try (GetObjectResponse in = client.getObject(
        GetObjectArgs.builder().bucket(bucket).object(OriginalStore.objectName(sha256)).build())) {
      return Buffer.buffer(in.readAllBytes());
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        throw OriginalStore.notFound(sha256);
      }
      throw e;
    }
  }

  private boolean exists(String sha256) throws Exception {
    try {
      client.statObject(StatObjectArgs.builder().bucket(bucket).object(OriginalStore.objectName(sha256)).build());
      return true;
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        return false;
      }
      throw e;
    }
  }
}
