#!/usr/bin/env bash
# HTTP load test: NWS (fat jar) against the sharp peer (../shared/peers/sharp-upload) and a bare
# Vert.x server that only receives and hashes, all on free 127.0.0.1 ports, measured in the same
# run, interleaved, on the 20 MP, 8 MP and 2 MP corpus photos. Prints a table with NWS/sharp and
# NWS/bare ratios, writes target/load-test.{txt,html} (the HTML holds the plots), and stops
# everything it started by PID.
#   SEED=42 SCALE=1 MAX_SECONDS=600 scripts/load-test.sh
# SCALE multiplies the request counts (1: 12 misses at c1, 24 at c4, 60 and 200 hits per photo).
# JAVA_OPTS is passed to the NWS JVM (default -Xmx512m plus the flags of scripts/lib.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ "$JAVA_OPTS" = "$NWS_DEFAULT_JAVA_OPTS" ] && JAVA_OPTS="-Xmx512m $JAVA_OPTS"
cd "$NWS_ROOT"
root=$NWS_ROOT
corpus=$NWS_CORPUS
peers=$NWS_PEERS
api_jar=$(nws_jar api)
bench_jar=$(nws_jar benchmarks)
nws_port=$(nws_free_port); sharp_port=$(nws_free_port); bare_port=$(nws_free_port)
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
  java $JAVA_OPTS -jar "$api_jar" >"$work/nws.log" 2>&1 &
nws_pid=$!
java -Xmx256m -cp "$bench_jar" nws.watermark.benchmarks.BareServer "$bare_port" >"$work/bare.log" 2>&1 &
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
  -cp "$bench_jar" nws.watermark.benchmarks.LoadTest \
  "$nws_port" "$sharp_port" "$bare_port" "$corpus" "$root/target" "$nws_pid" "$sharp_pid" "$bare_pid"
