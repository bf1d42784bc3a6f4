package nws.watermark.api.http.upload;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import nws.watermark.api.admission.UploadBudget;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * An upload written to a temporary file as it streams in, for when the node's memory budget for
 * uploads is spent: the bytes wait on disk, not on the heap, until the budget admits them. Writes
 * apply back-pressure to the request. The upload holds a place in the waiting room from the start
 * until it is admitted or its exchange ends, and the file is deleted when the exchange ends,
 * whatever happened.
 */
final class SpoolSink extends UploadSink {

  private static final String PREFIX = "nws-upload-";

  private final FileSystem fs;
  private String path;
  private AsyncFile file;
  private boolean fileClosed;
  private boolean waitingRoom;
  /** This upload's wait for memory once it is all on disk; given up if the client leaves first. */
  private Future<Void> memoryWait;

  private SpoolSink(FileSystem fs, UploadBudget budget, long maxBytes) {
    super(budget, maxBytes);
    this.fs = fs;
  }

  /** Takes a place in the waiting room (BUSY when full) and opens a new temporary file. */
  static Future<UploadSink> open(RoutingContext ctx, UploadBudget budget, long maxBytes) {
    SpoolSink sink = new SpoolSink(ctx.vertx().fileSystem(), budget, maxBytes);
    try {
      budget.enterWaitingRoom();
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
    sink.waitingRoom = true;
    ctx.addEndHandler(v -> sink.close());
    return sink.fs.createTempFile(PREFIX, ".tmp")
        .compose(created -> {
          sink.path = created;
          return sink.fs.open(created, new OpenOptions().setWrite(true).setTruncateExisting(true));
        })
        .map(opened -> {
          sink.file = opened;
          if (sink.closed) {
            sink.deleteFile();
          }
          return sink;
        });
  }

  @Override
  void keep(Buffer chunk, ReadStream<?> source) {
    file.write(chunk);
    if (file.writeQueueFull()) {
      source.pause();
      file.drainHandler(v -> source.resume());
    }
  }

  /** All on disk: wait for the memory budget, then read the upload back. */
  @Override
  Future<UploadBytes> bytes() {
    long size = received();
    memoryWait = budget.await(size);
    return memoryWait.compose(v -> admitted(size)).map(UploadBytes::of);
  }

  private Future<Buffer> admitted(long size) {
    leaveWaitingRoom();
    if (closed) {
      // The client left while this upload waited: give the memory back at once.
      budget.release(size);
      return Future.failedFuture(new ServiceException(ErrorCode.BUSY, "the client closed the request"));
    }
    reserved += size;
    return closeFile().compose(v -> fs.readFile(path));
  }

  @Override
  void close() {
    if (closed) {
      return;
    }
    super.close();
    if (memoryWait != null && !memoryWait.isComplete()) {
      budget.cancel(memoryWait);
    }
    leaveWaitingRoom();
    deleteFile();
  }

  private void leaveWaitingRoom() {
    if (waitingRoom) {
      waitingRoom = false;
      budget.leaveWaitingRoom();
    }
  }

  private void deleteFile() {
    if (file != null) {
      closeFile().eventually(() -> fs.delete(path));
    }
  }

  /** Closes the file once; a closed AsyncFile throws on a second close. */
  private Future<Void> closeFile() {
    if (fileClosed) {
      return Future.succeededFuture();
    }
    fileClosed = true;
    return file.close();
  }
}
