#!/usr/bin/env bash
# Memory under a flood of big uploads: starts NWS with a small heap (default -Xmx256m) on a free
# 127.0.0.1 port (JAVA_OPTS: its JVM flags), sends COUNT concurrent distinct uploads of SIZE bytes (default 100 x 10 MB, every
# one a cache miss), and prints the answers, the peak heap (jstat, every 100 ms) and the peak RSS.
# Uploads that do not fit the memory budget wait on disk. Stops what it started by PID.
#   COUNT=100 SIZE=10485760 JAVA_OPTS=-Xmx256m scripts/upload-flood.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
corpus=$NWS_CORPUS
api_jar=$(nws_jar api)
bench_jar=$(nws_jar benchmarks)
[ "$JAVA_OPTS" = "$NWS_DEFAULT_JAVA_OPTS" ] && JAVA_OPTS="$JAVA_OPTS -Xmx256m"
port=$(nws_free_port)
work=$(mktemp -d)
pid=""; jstat_pid=""
cleanup() {
  [ -n "$jstat_pid" ] && kill "$jstat_pid" 2>/dev/null
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck disable=SC2086
NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$port NWS_STORAGE_DIR=$work/data \
  NWS_MAX_BYTES_IN_FLIGHT=${NWS_MAX_BYTES_IN_FLIGHT:-67108864} \
  java $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$work" \
  -jar "$api_jar" >"$work/nws.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
jstat -gc "$pid" 100 >"$work/jstat" &
jstat_pid=$!
status=0
java -cp "$bench_jar" nws.watermark.benchmarks.UploadFlood \
  "$port" "${COUNT:-100}" "${SIZE:-10485760}" "$corpus/photo_20mp_kleiber.jpg" "${SEED:-42}" || status=$?
sleep 0.3
kill "$jstat_pid" 2>/dev/null || true; jstat_pid=""
peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$work/jstat")
rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/$pid/status 2>/dev/null || echo "?")
oom=$(grep -c OutOfMemoryError "$work/nws.log" || true)
left=$(find "$work" -maxdepth 1 -name 'nws-upload-*' | wc -l)
echo "JVM flags $JAVA_OPTS: peak heap used ${peak} MB, peak RSS ${rss} MB, OutOfMemoryError in log: ${oom}, upload spool files left: ${left}"
kill -0 "$pid" 2>/dev/null || { echo "NWS exited during the test"; status=1; }
exit $status
