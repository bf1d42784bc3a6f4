package nws.watermark.shared.config;

/**
 * What one node holds at once and for how long: the bounds that make it answer 413 or 503 instead
 * of running out of memory, disk or patience.
 */
public record LimitsConfig(
    long maxUploadBytes,
    long maxBytesInFlight,
    int maxUploadsWaiting,
    int maxJobsInFlight,
    long jobTimeoutMs,
    int retryAfterSeconds,
    long shutdownTimeoutMs,
    int idleGcSeconds) {

  private static final long MIB = 1024 * 1024;

  public static final Setting<Long> MAX_UPLOAD_BYTES = Setting.number("NWS_MAX_UPLOAD_BYTES", 32 * MIB).atLeast(1);
  public static final Setting<Long> MAX_BYTES_IN_FLIGHT = Setting.number("NWS_MAX_BYTES_IN_FLIGHT", 512 * MIB);
  public static final Setting<Integer> MAX_UPLOADS_WAITING = Setting.integer("NWS_MAX_UPLOADS_WAITING", 256)
      .atLeast(0, "0 (never wait: 503 at once) or more");
  public static final Setting<Integer> MAX_JOBS_IN_FLIGHT = Setting.integer("NWS_MAX_JOBS_IN_FLIGHT", 64).atLeast(1);
  public static final Setting<Long> JOB_TIMEOUT_MS = Setting.number("NWS_JOB_TIMEOUT_MS", 30_000).atLeast(100);
  public static final Setting<Integer> RETRY_AFTER_SECONDS = Setting.integer("NWS_RETRY_AFTER_SECONDS", 2).atLeast(1);
  public static final Setting<Long> SHUTDOWN_TIMEOUT_MS =
      Setting.number("NWS_SHUTDOWN_TIMEOUT_MS", 30_000).atLeast(0, "0 or more");
  /**
   * Seconds without a job or an upload, after some, before one full collection gives the heap a
   * burst grew back to the system: a collector that never collects when idle (ParallelGC) would
   * keep it. 0: never.
   */
  public static final Setting<Integer> IDLE_GC_SECONDS = Setting.integer("NWS_IDLE_GC_SECONDS", 10)
      .atLeast(0, "0 (off) or more");

  public LimitsConfig {
    MAX_BYTES_IN_FLIGHT.require(maxBytesInFlight >= maxUploadBytes,
        "at least " + MAX_UPLOAD_BYTES + " (" + maxUploadBytes + ")", maxBytesInFlight);
  }

  public static LimitsConfig from(Env env) {
    return new LimitsConfig(env.get(MAX_UPLOAD_BYTES), env.get(MAX_BYTES_IN_FLIGHT), env.get(MAX_UPLOADS_WAITING),
        env.get(MAX_JOBS_IN_FLIGHT), env.get(JOB_TIMEOUT_MS), env.get(RETRY_AFTER_SECONDS),
        env.get(SHUTDOWN_TIMEOUT_MS), env.get(IDLE_GC_SECONDS));
  }
}
