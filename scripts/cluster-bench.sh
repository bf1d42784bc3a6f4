#!/usr/bin/env bash
# Throughput of the cluster with 1 optimizer JVM against 2, on this machine, with
# scripts/cluster-local.sh (no Redis, no S3). The same input every time (a 2.5 MP JPEG of the
# corpus), every request a new variant (w=400..) so nothing is served from a cache, a fixed
# request count and concurrency, 127.0.0.1 only. Prints req/s, p50 and p99, and the ratio.
#
#   scripts/cluster-bench.sh            REQUESTS=60 CONCURRENCY=6, the API on a free port
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
REQUESTS="${REQUESTS:-60}"
CONCURRENCY="${CONCURRENCY:-6}"
API_PORT="${API_PORT:-$(nws_free_port)}"
export API_PORT STORES=0
IMAGE="${IMAGE:-$NWS_CORPUS/photo_2mp_storm.jpg}"
OUT="$(mktemp -d)"
cleanup() {
  for dir in "$OUT"/run*; do
    [ -d "$dir" ] && RUN_DIR="$dir" scripts/cluster-local.sh stop >/dev/null 2>&1 || true
  done
  rm -rf "$OUT"
}
trap cleanup EXIT

# run OPTIMIZERS: prints "req/s p50 p99"
run() {
  OPTIMIZERS="$1" RUN_DIR="$OUT/run$1" scripts/cluster-local.sh start >/dev/null
  # warm-up: every node's JIT, not measured
  seq 1 12 | xargs -P "$CONCURRENCY" -I{} curl -s -o /dev/null -H 'Content-Type: image/jpeg' \
    --data-binary "@$IMAGE" "http://127.0.0.1:$API_PORT/upload?w=$((RANDOM % 300 + 1500))&q={}"
  local t0 t1
  t0=$(date +%s.%N)
  seq 400 $((400 + REQUESTS - 1)) | xargs -P "$CONCURRENCY" -I{} curl -s -o /dev/null \
    -w '%{http_code} %{time_total}\n' -H 'Content-Type: image/jpeg' --data-binary "@$IMAGE" \
    "http://127.0.0.1:$API_PORT/upload?w={}&opacity=0.$1" >"$OUT/times$1"
  t1=$(date +%s.%N)
  OPTIMIZERS="$1" RUN_DIR="$OUT/run$1" scripts/cluster-local.sh stop >/dev/null 2>&1
  local bad
  bad=$(grep -vc '^200 ' "$OUT/times$1" || true)
  [ "$bad" = 0 ] || echo "warning: $bad requests did not answer 200" >&2
  sort -k2 -n "$OUT/times$1" | awk -v n="$REQUESTS" -v secs="$(echo "$t1 - $t0" | bc)" '
    { t[NR] = $2 }
    END { printf "%.2f %.0f %.0f\n", n / secs, 1000 * t[int(n * 0.5)], 1000 * t[int(n * 0.99)] }'
}

echo "requests=$REQUESTS concurrency=$CONCURRENCY image=$(basename "$IMAGE") cores=$(nproc)"
read -r rps1 p50_1 p99_1 < <(run 1)
echo "1 optimizer JVM : $rps1 req/s  p50 ${p50_1} ms  p99 ${p99_1} ms"
read -r rps2 p50_2 p99_2 < <(run 2)
echo "2 optimizer JVMs: $rps2 req/s  p50 ${p50_2} ms  p99 ${p99_2} ms"
echo "ratio 2/1: $(echo "scale=2; $rps2 / $rps1" | bc)"
