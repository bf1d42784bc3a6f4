package nws.watermark.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.StorageConfig;

/**
 * {@code ApiMain} run as a process of its own, as {@code java -jar} runs it, with the production
 * logback configuration: what an operator starts, stops with a signal and reads the log of.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
  public static final long WAIT_MS = 60_000;

  public final Process process;
  public final Path storage;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ServiceProcess(Map<String, String> env) throws IOException {
    storage = Files.createTempDirectory("nws-process-");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Djava.awt.headless=true",
        // The production configuration, not the tests' logback-test.xml.
        "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"),
        ApiMain.class.getName()));
    // Log lines go to stdout; stderr (JVM warnings) goes to the test output.
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().keySet().removeIf(k -> k.startsWith("NWS_"));
    builder.environment().put(HttpConfig.HOST.name(), "127.0.0.1");
    builder.environment().put(HttpConfig.PORT.name(), "0");
    builder.environment().put(ImagesConfig.OPTIMIZER_INSTANCES.name(), "1");
    builder.environment().put(StorageConfig.DIR.name(), storage.toString());
    builder.environment().putAll(env);
    process = builder.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(lines::add);
      } catch (IOException | UncheckedIOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the service with {@code env} over the test defaults; does not wait for it. */
  public static ServiceProcess launch(Map<String, String> env) {
    try {
      return new ServiceProcess(env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts it and waits until it listens; the port it took. */
  public static ServiceProcess started(Map<String, String> env) {
    ServiceProcess p = launch(env);
    p.port();
    return p;
  }

  /** The port it listens on, once it does. */
  public int port() {
    Matcher m = LISTENING.matcher(awaitLine(l -> LISTENING.matcher(l).find()));
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }

  public List<String> lines() {
    return lines;
  }

  /** The first line of the log that matches, waiting for it a bounded time. */
  public String awaitLine(Predicate<String> match) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      for (String line : lines) {
        if (match.test(line)) {
          return line;
        }
      }
      sleep(50);
    }
    throw new AssertionError("no such line in the log:\n" + String.join("\n", lines));
  }

  /**
   * SIGTERM, as an orchestrator sends it. Through the process handle: {@link Process#destroy()}
   * would also close our end of its stdout, and the log of the shutdown would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    try (var files = Files.walk(storage)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is not worth failing a test for
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
