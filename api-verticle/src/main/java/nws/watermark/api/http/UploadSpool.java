package nws.watermark.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;

/**
 * An upload written to a temporary file as it streams in, for when the node's memory budget for
 * uploads is spent: the bytes wait on disk, not on the heap, until processing is admitted. Writes
 * apply back-pressure to the request. The file is deleted when the exchange ends, whatever
 * happened ({@link #delete()} is idempotent).
 */
final class UploadSpool {

  private static final String PREFIX = "nws-upload-";

  private final FileSystem fs;
  private final String path;
  private final AsyncFile file;
  private boolean closed;
  private boolean deleted;

  private UploadSpool(FileSystem fs, String path, AsyncFile file) {
    this.fs = fs;
    this.path = path;
    this.file = file;
  }

  /** A new empty temporary file, open for writing. */
  static Future<UploadSpool> create(Vertx vertx) {
    FileSystem fs = vertx.fileSystem();
    return fs.createTempFile(PREFIX, ".tmp")
        .compose(path -> fs.open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
            .map(file -> new UploadSpool(fs, path, file)));
  }

  /** Appends a chunk; pauses {@code source} while the file's write queue is full. */
  void write(Buffer chunk, ReadStream<?> source) {
    file.write(chunk);
    if (file.writeQueueFull()) {
      source.pause();
      file.drainHandler(v -> source.resume());
    }
  }

  /** The whole upload, read back once everything is on disk. */
  Future<Buffer> readAll() {
    return close().compose(v -> fs.readFile(path));
  }

  void delete() {
    if (deleted) {
      return;
    }
    deleted = true;
    close().eventually(() -> fs.delete(path));
  }

  /** Closes the file once; a closed AsyncFile throws on a second close. */
  private Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return file.close();
  }
}
