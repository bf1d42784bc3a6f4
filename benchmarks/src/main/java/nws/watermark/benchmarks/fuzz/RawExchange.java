package nws.watermark.benchmarks.fuzz;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one {@link RawRequest} over a fresh socket to 127.0.0.1 and reads the answers. A plain
 * socket, not an HTTP client: the requests are malformed on purpose and a client library would
 * refuse or repair them. Bounded: every read has a timeout, and a watchdog closes the socket at
 * the case's deadline, so a write the service never reads cannot hang the fuzzer either.
 */
final class RawExchange {

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fuzz-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final int port;
  private final long timeoutMillis;

  RawExchange(int port, long timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  Exchange send(RawRequest request) {
    long start = System.nanoTime();
    List<Answer> answers = new ArrayList<>();
    try (Socket socket = new Socket()) {
      socket.setSoTimeout((int) timeoutMillis);
      ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> closeQuietly(socket), timeoutMillis, TimeUnit.MILLISECONDS);
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.min(timeoutMillis, 10_000));
        String writeError = write(socket, request);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        AnswerReader reader = new AnswerReader(in);
        while (answers.size() < request.targets().size()) {
          Answer answer = reader.next();
          if (answer == null) {
            return done(answers, Exchange.End.CLOSED, writeError, start);
          }
          answers.add(answer);
          if ("close".equalsIgnoreCase(answer.header("connection")) || answer.statusLine().startsWith("HTTP/1.0")) {
            break;
          }
        }
        Exchange.End end = answers.size() < request.targets().size() ? Exchange.End.CLOSED : Exchange.End.ANSWERED;
        return done(answers, end, writeError, start);
      } finally {
        deadline.cancel(false);
      }
    } catch (AnswerReader.NotHttp e) {
      return done(answers, Exchange.End.NOT_HTTP, e.getMessage(), start);
    } catch (SocketTimeoutException e) {
      return done(answers, Exchange.End.TIMEOUT, "no answer in " + timeoutMillis + " ms", start);
    } catch (EOFException e) {
      return done(answers, Exchange.End.CLOSED, e.getMessage(), start);
    } catch (IOException e) {
      boolean overTime = (System.nanoTime() - start) / 1_000_000 >= timeoutMillis;
      return done(answers, overTime ? Exchange.End.TIMEOUT : Exchange.End.RESET, e.toString(), start);
    }
  }

  /**
   * Writes the request; a service that answers early (a bad option in the query) may close before
   * the body is all sent, so a failed write is noted and the answer is read anyway.
   */
  private static String write(Socket socket, RawRequest request) throws IOException {
    OutputStream out = socket.getOutputStream();
    try {
      out.write(request.bytes());
      out.flush();
      if (request.halfClose()) {
        socket.shutdownOutput();
      }
      return null;
    } catch (SocketException e) {
      return "write failed: " + e.getMessage();
    }
  }

  private static Exchange done(List<Answer> answers, Exchange.End end, String error, long start) {
    return new Exchange(answers, end, error, (System.nanoTime() - start) / 1_000_000);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the case is over either way
    }
  }
}
