package nws.watermark.benchmarks.fuzz;

/**
 * The fuzzer's command line ({@code scripts/fuzz.sh} runs it): a seeded run against a service on
 * 127.0.0.1, or {@code --replay} of one saved case. Exits 1 on any failure, 2 on bad arguments.
 */
public final class Fuzz {

  private Fuzz() {}

  public static void main(String[] args) throws Exception {
    FuzzSettings settings;
    try {
      settings = FuzzSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean clean = settings.replay() != null
        ? Replay.run(settings.replay(), new RawExchange(settings.port(), settings.timeoutMillis()), System.out)
        : new FuzzRun(settings, System.out).run().failures() == 0;
    System.exit(clean ? 0 : 1);
  }
}
