#!/usr/bin/env bash
# Seeded, structure-aware fuzzing over HTTP (benchmarks/.../fuzz): mutated JPEG, PNG, GIF, BMP, WebP,
# HEIC and AVIF files, byte-level mutants, and option, multipart and HTTP framing abuse. Every answer
# must be a 200 with an image that decodes, or a 4xx (503 with Retry-After) with a JSON error, in
# bounded time; between batches /health must answer and /ready's bytesInFlight drain back to 0.
# With no --url it starts the standalone fat jar on a free 127.0.0.1 port (storage in a temp dir;
# JAVA_OPTS: its JVM flags, default -Xmx1g plus lib.sh's), records its RSS, and stops it by PID.
# Prints each failure on one line with its replay file (target/fuzz/seed-S/), then a summary (cases
# per family, answers per status, failures by kind, peak RSS); exits non-zero on any failure. The
# service's log (the stack traces of its 500s) is kept as target/fuzz/nws.log.
#   scripts/fuzz.sh [--cases N] [--seed S] [--first I] [--url http://127.0.0.1:PORT]
#   scripts/fuzz.sh --replay target/fuzz/seed-42/options_bad-escape-43.http [--url ...]
#   MAX_SECONDS=3600 CONCURRENCY=3 TIMEOUT_SECONDS=30 MAX_RSS_MB=2048 scripts/fuzz.sh --cases 50000
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
max_seconds=${MAX_SECONDS:-3600}
url=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --cases|--seed|--first|--replay) args+=("$1" "$2"); shift 2 ;;
    *) echo "usage: scripts/fuzz.sh [--cases N] [--seed S] [--first I] [--url http://127.0.0.1:PORT] [--replay FILE]" >&2
       exit 2 ;;
  esac
done
bench_jar=$(nws_jar benchmarks)
out="$NWS_ROOT/target/fuzz"
mkdir -p "$out"
pid=""; work=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  if [ -n "$work" ]; then
    cp "$work/nws.log" "$out/nws.log" 2>/dev/null || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT
if [ -z "$url" ]; then
  api_jar=$(nws_jar api)
  [ "$JAVA_OPTS" = "$NWS_DEFAULT_JAVA_OPTS" ] && JAVA_OPTS="$JAVA_OPTS -Xmx1g"
  port=$(nws_free_port)
  work=$(mktemp -d)
  # shellcheck disable=SC2086
  NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$port NWS_STORAGE_DIR=$work/data \
    java $JAVA_OPTS -Djava.io.tmpdir="$work" -jar "$api_jar" >"$work/nws.log" 2>&1 &
  pid=$!
  url="http://127.0.0.1:$port"
  nws_wait_http "$url/health" 300
  args+=(--pid "$pid")
  echo "NWS pid $pid on $url (JVM flags $JAVA_OPTS); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
status=0
# The fuzzer stops starting cases at MAX_SECONDS; timeout is the backstop should it hang anyway.
timeout --kill-after=30 $((max_seconds + 300)) java -Xmx1g -Djava.awt.headless=true -cp "$bench_jar" \
  nws.watermark.benchmarks.fuzz.Fuzz --url "$url" --corpus "$NWS_CORPUS" --out "$out" --max-seconds "$max_seconds" \
  --concurrency "${CONCURRENCY:-3}" --timeout-seconds "${TIMEOUT_SECONDS:-30}" --max-rss-mb "${MAX_RSS_MB:-2048}" \
  "${args[@]}" || status=$?
if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
  echo "NWS exited during the run; its log is $out/nws.log"
  status=1
fi
exit $status
