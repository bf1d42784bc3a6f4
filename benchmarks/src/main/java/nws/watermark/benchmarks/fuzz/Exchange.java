package nws.watermark.benchmarks.fuzz;

import java.util.List;

/**
 * What came back for one {@link RawRequest}: the answers read, in order, and how the reading
 * ended.
 */
record Exchange(List<Answer> answers, End end, String error, long millis) {

  enum End {
    /** Every answer expected was read. */
    ANSWERED,
    /** The service closed the connection (FIN) before every expected answer. */
    CLOSED,
    /** The connection was reset (RST) before every expected answer. */
    RESET,
    /** No complete answer within the time bound. */
    TIMEOUT,
    /** Bytes came back that are not an HTTP/1.x answer. */
    NOT_HTTP
  }

  Exchange {
    answers = List.copyOf(answers);
  }
}
