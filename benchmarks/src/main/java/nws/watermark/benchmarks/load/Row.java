package nws.watermark.benchmarks.load;

/**
 * One measured cell: a scenario on one photo for one target, with the server's CPU time (user and
 * system, all its threads) spent while its requests ran.
 */
record Row(String photo, String scenario, String target, int requests, int errors, double seconds,
    double p50, double p99, double cpuMillis) {

  double throughput() {
    return requests / seconds;
  }

  double cpuMillisPerRequest() {
    return cpuMillis / requests;
  }
}
