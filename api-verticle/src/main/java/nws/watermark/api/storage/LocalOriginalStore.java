package nws.watermark.api.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Originals in a local folder, the standalone default. A file is written under a temporary name
 * and moved into place, so a reader never sees half an original. The I/O is plain java.nio on
 * worker threads, not Vert.x's file system: on SIGTERM Vert.x's own shutdown hook removes the
 * cache its file resolver needs for a path that does not exist yet, and the originals of the
 * uploads still being answered must be stored all the same.
 */
public final class LocalOriginalStore implements OriginalStore {

  /** Written a slice at a time: no second copy of a whole original on the heap. */
  private static final int SLICE = 1 << 20;

  private final Vertx vertx;
  private final Path root;
  private final Path originals;

  public LocalOriginalStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath();
    this.originals = this.root.resolve("original");
  }

  /** Creates {@code original/} under the root. */
  public Future<LocalOriginalStore> init() {
    return vertx.executeBlocking(() -> Files.createDirectories(originals), false).map(this);
  }

  @Override
  public Future<Boolean> save(String sha256, Buffer bytes, String contentType) {
    return vertx.executeBlocking(() -> {
      Path target = path(sha256);
      if (Files.exists(target)) {
        return false;
      }
      write(target, bytes);
      return true;
    }, false);
  }

  @Override
  public Future<Void> delete(String sha256) {
    return vertx.executeBlocking(() -> {
      Files.deleteIfExists(path(sha256));
      return null;
    }, false);
  }

  private void write(Path target, Buffer bytes) throws IOException {
    Path temp = Files.createTempFile(originals, target.getFileName().toString(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        for (int at = 0; at < bytes.length(); at += SLICE) {
          out.write(ByteBuffer.wrap(bytes.getBytes(at, Math.min(bytes.length(), at + SLICE))));
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Future<Buffer> load(String sha256) {
    return vertx.executeBlocking(() -> {
      try {
        return Buffer.buffer(Files.readAllBytes(path(sha256)));
      } catch (NoSuchFileException e) {
        throw OriginalStore.notFound(sha256);
      }
    }, false);
  }

  @Override
  public String kind() {
    return "local";
  }

  private Path path(String sha256) {
    return root.resolve(OriginalStore.objectName(sha256));
  }
}
