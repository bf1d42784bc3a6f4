#!/usr/bin/env bash
# HTTP load test: NWS (fat jar) against the sharp peer (../shared/peers/sharp-upload) and a bare
# Vert.x server that only receives and hashes, all on free 127.0.0.1 ports, measured in the same
# run, interleaved, on the 20 MP, 8 MP and 2 MP corpus photos. Prints a table with NWS/sharp and
# NWS/bare ratios, writes target/load-test.{txt,html} (the HTML holds the plots), and stops
# everything it started by PID.
#   SEED=42 SCALE=1 MAX_SECONDS=600 scripts/load-test.sh
# SCALE multiplies the request counts (1: 12 misses at c1, 24 at c4, 60 and 200 hits per photo).
# NWS_JAVA_OPTS is passed to the NWS JVM (default -Xmx512m -XX:+UseParallelGC: the throughput
# collector, about 20 % more misses/s than G1 here, whose humongous regions the big upload and
# pixel arrays hit).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=$(cd "${NWS_CORPUS:-../shared/corpus}" && pwd)
peers=$(cd "${NWS_PEERS:-../shared/peers}" && pwd)
api_jar=$(ls api-verticle/target/api-verticle-*-fat.jar 2>/dev/null | head -n 1 || true)
if [ -z "$api_jar" ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -B -q -DskipTests package
  api_jar=$(ls api-verticle/target/api-verticle-*-fat.jar | head -n 1)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
nws_port=$(free_port); sharp_port=$(free_port); bare_port=$(free_port)
work=$(mktemp -d)
nws_pid=""; bare_pid=""; sharp_started=""
cleanup() {
  [ -n "$nws_pid" ] && kill "$nws_pid" 2>/dev/null && wait "$nws_pid" 2>/dev/null || true
  [ -n "$bare_pid" ] && kill "$bare_pid" 2>/dev/null && wait "$bare_pid" 2>/dev/null || true
  [ -n "$sharp_started" ] && "$peers/sharp-upload/stop.sh" "$sharp_port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck disable=SC2086
NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$nws_port NWS_STORAGE_DIR=$work/data \
  java ${NWS_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$api_jar" >"$work/nws.log" 2>&1 &
nws_pid=$!
java -Xmx256m -cp benchmarks/target/benchmarks.jar nws.watermark.benchmarks.BareServer "$bare_port" >"$work/bare.log" 2>&1 &
bare_pid=$!
sharp_pid=$("$peers/sharp-upload/run.sh" "$sharp_port")
sharp_started=1
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$nws_port/health" >/dev/null && curl -s -o /dev/null "http://127.0.0.1:$bare_port/" && break
  sleep 0.2
done
engine=$(curl -s "http://127.0.0.1:$nws_port/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("imageEngine","?"))')
echo "NWS pid $nws_pid port $nws_port (image engine: $engine), sharp pid $sharp_pid port $sharp_port, bare pid $bare_pid port $bare_port" >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared: read the ratios, not the absolute figures)" >&2
java -Dseed="${SEED:-42}" -Dscale="${SCALE:-1}" -DmaxSeconds="${MAX_SECONDS:-600}" \
  -cp benchmarks/target/benchmarks.jar nws.watermark.benchmarks.LoadTest \
  "$nws_port" "$sharp_port" "$bare_port" "$corpus" "$root/target" "$nws_pid" "$sharp_pid" "$bare_pid"
