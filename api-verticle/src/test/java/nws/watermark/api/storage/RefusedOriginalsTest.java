package nws.watermark.api.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import nws.watermark.api.Service;
import nws.watermark.api.peers.Burst;
import nws.watermark.api.peers.Peer;
import nws.watermark.api.peers.Photos;
import nws.watermark.api.peers.S3Server;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upload the optimizer refuses as an image leaves nothing in storage, in a local folder as in
 * S3; a photo it renders is kept; and an original this request did not store is never removed.
 */
class RefusedOriginalsTest {

  static final String BUCKET = "nws-refused";
  static S3Server s3;
  static Service local;
  static Service onS3;

  @BeforeAll
  static void start() {
    s3 = S3Server.started();
    local = Service.start(Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "1"));
    onS3 = Service.start(S3OutageTest.s3Env(s3.endpoint(), Map.of(StorageConfig.S3_BUCKET.name(), BUCKET,
        ImagesConfig.OPTIMIZER_INSTANCES.name(), "1")));
  }

  @AfterAll
  static void stop() {
    local.close();
    onS3.close();
    s3.close();
  }

  static Stream<Arguments> refused() {
    return Stream.of("local", "s3").flatMap(store -> Stream.of(
        Arguments.of(store, "not_an_image.jpg", 415, "UNSUPPORTED_FORMAT"),
        Arguments.of(store, "truncated.jpg", 422, "UNDECODABLE_IMAGE"),
        Arguments.of(store, "bomb_30000.png", 422, "TOO_MANY_PIXELS")));
  }

  @ParameterizedTest(name = "{0}: {1} is {2} {3} and not kept")
  @MethodSource("refused")
  void a_refused_upload_leaves_no_original(String store, String file, int status, String code) {
    byte[] bytes = Service.corpus(file);
    HttpResponse<Buffer> r = service(store).upload(file, bytes, "?w=300");
    assertEquals(status, r.statusCode(), r::bodyAsString);
    assertEquals(code, r.bodyAsJsonObject().getString("error"));
    Peer.await(Duration.ofSeconds(10), () -> stored(store, Photos.sha256(bytes)) == null,
        "the refused original to be removed from " + store);
  }

  @Test
  void a_photo_that_is_rendered_is_kept_in_both_stores() {
    byte[] photo = Service.corpus("photo_03mp_rocket.jpg");
    for (String store : new String[] {"local", "s3"}) {
      HttpResponse<Buffer> r = service(store).upload("rocket.jpg", photo, "?w=200");
      assertEquals(200, r.statusCode(), r::bodyAsString);
      assertArrayEquals(photo, stored(store, r.getHeader("X-Image-Id")), "kept in " + store);
    }
  }

  @Test
  void a_refused_upload_never_removes_an_original_it_did_not_store() throws IOException {
    // Stored before (as by another request, or before refused uploads were removed): not this request's to remove.
    byte[] there = "not a picture, stored before".getBytes();
    Path file = local.storage.resolve(OriginalStore.objectName(Photos.sha256(there)));
    Files.write(file, there);
    assertEquals(415, local.upload("there.jpg", there, "").statusCode());
    // A second refused upload, stored by its own request, is removed after the first one's answer.
    byte[] fresh = "not a picture either".getBytes();
    assertEquals(415, local.upload("fresh.jpg", fresh, "").statusCode());
    Peer.await(Duration.ofSeconds(10), () -> stored("local", Photos.sha256(fresh)) == null, "the fresh one removed");
    assertArrayEquals(there, Files.readAllBytes(file), "the original stored before is still there");
  }

  @Test
  void a_refused_upload_kept_in_memory_while_s3_is_down_is_never_written() {
    byte[] junk = "refused while storage was down".getBytes();
    byte[] photo = Photos.distinct(4_242);
    s3.kill();
    try {
      assertEquals(415, onS3.upload("junk.jpg", junk, "").statusCode());
      assertEquals(200, onS3.upload("photo.jpg", photo, "").statusCode());
    } finally {
      s3.start();
    }
    Peer.await(Duration.ofSeconds(30), () -> {
      var storage = Burst.dependency(onS3, "storage");
      return "up".equals(storage.getString("state")) && storage.getInteger("pending") == 0;
    }, "the originals kept during the outage to be written");
    assertArrayEquals(photo, stored("s3", Photos.sha256(photo)), "the photo is written once S3 is back");
    assertEquals(null, stored("s3", Photos.sha256(junk)), "the refused upload is not");
  }

  private static Service service(String store) {
    return "local".equals(store) ? local : onS3;
  }

  /** The stored original's bytes, or null when there is none. */
  private static byte[] stored(String store, String sha256) {
    String name = OriginalStore.objectName(sha256);
    if ("s3".equals(store)) {
      return s3.object(BUCKET, name);
    }
    try {
      Path file = local.storage.resolve(name);
      return Files.exists(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
