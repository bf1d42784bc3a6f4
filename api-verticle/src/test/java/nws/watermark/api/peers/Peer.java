package nws.watermark.api.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real server process a test starts on a free loopback port and stops by its PID: started
 * again on the same port after {@link #kill()}, so a client sees the same address come back.
 */
public abstract class Peer implements AutoCloseable {

  public final int port;
  protected final Path dir;
  private Process process;

  protected Peer(Path dir) {
    this.port = freePort();
    this.dir = dir;
  }

  /** The command line that runs the server in the foreground. */
  protected abstract List<String> command();

  /** Whether the server answers on {@link #port}. */
  protected abstract boolean answers();

  /** Starts the server and waits (bounded) until it answers. */
  public final void start() {
    try {
      process = new ProcessBuilder(command())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
          .start();
      Process started = process;
      // Should the test JVM end without closing us, the server must not outlive it.
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command().get(0) + " (" + e.getMessage()
          + "); .ci/run installs what the tests need, e.g. apt-get install redis-server", e);
    }
    await(Duration.ofSeconds(60), () -> {
      if (!process.isAlive()) {
        throw new AssertionError(getClass().getSimpleName() + " exited early; see " + dir.resolve("server.log"));
      }
      return answers();
    }, getClass().getSimpleName() + " to answer on port " + port);
  }

  /** SIGKILL by PID: the server dies at once, without closing its connections politely. */
  public final void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGSTOP: the process hangs with its sockets open, as a frozen or overloaded server does. */
  public final void freeze() {
    signal("-STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  public final void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    try {
      int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public final long pid() {
    return process.pid();
  }

  /** Kills the server and deletes its folder. */
  @Override
  public void close() {
    kill();
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is not worth failing a test for
    }
  }

  /** Polls {@code condition} every 50 ms until it holds or {@code limit} passes. */
  public static void await(Duration limit, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /**
   * A fresh folder under {@code target/peers/}: on the checkout's disk, which keeps the user
   * extended attributes S3Proxy stores content types in (a tmpfs /tmp may not).
   */
  protected static Path folder(String prefix) throws IOException {
    Path root = java.nio.file.Files.createDirectories(Path.of("target", "peers"));
    return java.nio.file.Files.createTempDirectory(root, prefix).toAbsolutePath();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
