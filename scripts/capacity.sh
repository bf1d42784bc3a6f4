#!/usr/bin/env bash
# The failure point: at how many concurrent users does NWS start failing? Starts the service on a
# free 127.0.0.1 port (standalone, -Xmx512m; --cluster: the scripts/cluster-local.sh topology in a
# run folder of its own), steps the concurrency 1, 2, 4 ... --max with the capacity mix (80 % hits
# on rendered variants, 20 % misses; see CapacityMix.java), and prints per step throughput, p50/p99,
# errors and shed load, and the first step whose p99 passes --p99-ms or whose errors pass 1 %.
# Writes target/capacity/capacity.{txt,tsv,html}. Stops everything it started by PID.
#
#   scripts/capacity.sh [--max 256 | --steps "1 8 64"] [--step-seconds 20] [--p99-ms 1000] [--cluster]
#                       [--locust "1 4 16 64"]
#
# --locust USERS: then, for each user count, a step of capacity.sh's driver and a Locust run of
# benchmarks/locustfile.py (headless, same time) back to back on the same service, and a table of
# both, with each client's CPU per request (needs Debian's python3-locust).
# Environment: SEED (42), OPTIMIZERS (cluster: 2), JAVA_OPTS (the service's JVM flags; -Xmx512m added
# to the default).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
[ "$JAVA_OPTS" = "$NWS_DEFAULT_JAVA_OPTS" ] && JAVA_OPTS="$JAVA_OPTS -Xmx512m"

MAX=256 STEPS="" STEP_SECONDS=20 P99_MS=1000 CLUSTER=0 LOCUST_USERS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --max) MAX="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --step-seconds) STEP_SECONDS="$2"; shift 2 ;;
    --p99-ms) P99_MS="$2"; shift 2 ;;
    --cluster) CLUSTER=1; shift ;;
    --locust) LOCUST_USERS="$2"; shift 2 ;;
    *) echo "usage: $0 [--max N | --steps 'N ...'] [--step-seconds S] [--p99-ms MS] [--cluster] [--locust 'N ...']" >&2
      exit 2 ;;
  esac
done

api_jar=$(nws_jar api)
bench_jar=$(nws_jar benchmarks)
out="$NWS_ROOT/target/capacity"
mkdir -p "$out"
rm -rf "$out/run"
service_pid=""

stop_all() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true; fi
  if [ "$CLUSTER" = 1 ]; then nws_private_cluster_stop; fi
}
trap stop_all EXIT

if [ "$CLUSTER" = 1 ]; then
  nws_jar optimizer >/dev/null
  export OPTIMIZERS="${OPTIMIZERS:-2}"
  nws_private_cluster "$out/run"
  scripts/cluster-local.sh start
  port=$API_PORT
  pids=$(cat "$RUN_DIR"/api.pid "$RUN_DIR"/optimizer*.pid | awk '{print $1}' | tr '\n' ' ')
  what="cluster: 1 API node, $OPTIMIZERS optimizer JVMs, Redis, S3Proxy"
else
  port=$(nws_free_port)
  mkdir -p "$out/run"
  # shellcheck disable=SC2086
  NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$port NWS_STORAGE_DIR="$out/run/data" \
    java $JAVA_OPTS -jar "$api_jar" >"$out/run/nws.log" 2>&1 &
  service_pid=$!
  nws_wait_http "http://127.0.0.1:$port/ready"
  pids=$service_pid
  what="standalone: one JVM ($JAVA_OPTS), $(nproc) optimizer workers, L1 cache, originals on disk"
fi
echo "capacity: $what, 127.0.0.1:$port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

driver() {
  java -Xmx512m -cp "$bench_jar" nws.watermark.benchmarks.capacity.Capacity --port "$port" \
    --corpus "$NWS_CORPUS" --out "$out" --seed "${SEED:-42}" --step-seconds "$STEP_SECONDS" \
    --p99-ms "$P99_MS" --pids "$pids" "$@"
}
if [ -n "$STEPS" ]; then driver --steps "$STEPS" --label capacity; else driver --max "$MAX" --label capacity; fi

[ -z "$LOCUST_USERS" ] && exit 0
command -v locust >/dev/null || { echo "locust not found: apt-get install python3-locust" >&2; exit 1; }
for users in $LOCUST_USERS; do
  driver --steps "$users" --warm-seconds 0 --label "java-$users" >/dev/null
  echo "locust: $users users for $STEP_SECONDS s" >&2
  # Locust's own CPU (user + system), from bash's time of the whole process.
  TIMEFORMAT='%U %S'
  { time NWS_CORPUS="$NWS_CORPUS" NWS_SEED="${SEED:-42}" locust -f benchmarks/locustfile.py --headless \
      -u "$users" -r "$users" -t "${STEP_SECONDS}s" --reset-stats --only-summary \
      --host "http://127.0.0.1:$port" --csv "$out/locust-$users" >"$out/locust-$users.log" 2>&1 \
      || echo "locust exited with $? (1: some requests failed; see $out/locust-$users.log)" >&3 ; } 3>&2 2>"$out/locust-$users.cpu"
done
python3 - "$out" "$STEP_SECONDS" $LOCUST_USERS <<'PY' | tee "$out/locust-vs-capacity.txt"
import csv, sys
out, seconds, users = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
print("same mix, same service, back to back; p50/p99 in ms; client CPU: the load generator's own CPU")
print("%5s | %-44s | %-44s | %s" % ("users", "capacity.sh (Java, PlainHttp)", "Locust 2.12 (FastHttpUser, 1 process)", "Locust/Java"))
print("%5s | %7s %7s %7s %6s %13s | %7s %7s %7s %6s %13s | %6s %6s" % ("", "ok/s", "p50", "p99", "err%", "CPU ms/req", "ok/s",
      "p50", "p99", "fail%", "CPU ms/req", "ok/s", "p99"))
for n in users:
    with open("%s/java-%s.tsv" % (out, n)) as f:
        j = list(csv.DictReader(f, delimiter="\t"))[0]
    with open("%s/locust-%s_stats.csv" % (out, n)) as f:
        agg = [r for r in csv.DictReader(f) if r["Name"] == "Aggregated"][0]
    user_cpu, sys_cpu = (float(x) for x in open("%s/locust-%s.cpu" % (out, n)).readline().split()[:2])
    requests, failures = int(agg["Request Count"]), int(agg["Failure Count"])
    ok_s = float(agg["Requests/s"]) * (requests - failures) / max(1, requests)
    fail = 100.0 * failures / max(1, requests)
    # Locust's CPU covers its start and the hit-set warm-up too; per request it is an upper bound.
    cpu_ms = 1000 * (user_cpu + sys_cpu) / max(1, requests)
    jerr = 100 * (float(j["error_rate"]) + float(j["shed_rate"]))
    print("%5s | %7.1f %7.0f %7.0f %6.2f %7.2f (%3.0f%%) | %7.1f %7.0f %7.0f %6.2f %7.2f (%3.0f%%) | %5.2fx %5.2fx" % (
        n, float(j["ok_per_s"]), float(j["p50_ms"]), float(j["p99_ms"]), jerr, float(j["client_cpu_ms"]),
        float(j["client_cpu_ms"]) * float(j["requests"]) / seconds / 10, ok_s, float(agg["50%"]), float(agg["99%"]),
        fail, cpu_ms, (user_cpu + sys_cpu) / seconds * 100, ok_s / max(0.01, float(j["ok_per_s"])),
        float(agg["99%"]) / max(0.01, float(j["p99_ms"]))))
print("(CPU %: share of one core over the step; errors: Java counts 5xx, timeouts and 503; Locust counts every non-200/304)")
PY
