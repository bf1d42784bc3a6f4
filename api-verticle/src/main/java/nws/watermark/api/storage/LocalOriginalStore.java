package nws.watermark.api.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Originals in a local folder, the standalone default. Vert.x's async file system runs the I/O on
 * worker threads; a file is written under a temporary name and moved into place, so a reader never
 * sees half an original.
 */
public final class LocalOriginalStore implements OriginalStore {

  private final FileSystem fs;
  private final Path root;

  public LocalOriginalStore(Vertx vertx, Path root) {
    this.fs = vertx.fileSystem();
    this.root = root.toAbsolutePath();
  }

  /** Creates {@code original/} under the root. */
  public Future<LocalOriginalStore> init() {
    return fs.mkdirs(root.resolve("original").toString()).map(this);
  }

  @Override
  public Future<Void> save(String sha256, Buffer bytes, String contentType) {
    String target = path(sha256);
    return fs.exists(target).compose(exists -> exists ? Future.succeededFuture() : write(target, bytes));
  }

  private Future<Void> write(String target, Buffer bytes) {
    String temp = target + "." + UUID.randomUUID() + ".tmp";
    return fs.writeFile(temp, bytes)
        .compose(v -> fs.move(temp, target, new CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
        .onFailure(err -> fs.delete(temp));
  }

  @Override
  public Future<Buffer> load(String sha256) {
    return fs.readFile(path(sha256)).recover(err -> Future.failedFuture(isMissing(err)
        ? OriginalStore.notFound(sha256)
        : err));
  }

  @Override
  public String kind() {
    return "local";
  }

  private String path(String sha256) {
    return root.resolve(OriginalStore.objectName(sha256)).toString();
  }

  private static boolean isMissing(Throwable err) {
    return err instanceof FileSystemException && err.getCause() instanceof NoSuchFileException;
  }
}
