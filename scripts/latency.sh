#!/usr/bin/env bash
# Miss and hit latency over HTTP for three corpus photos, and peak heap while the whole corpus is
# uploaded concurrently. Starts its own standalone service on a free loopback port, stops it by PID.
# Usage: scripts/latency.sh [RUNS]   (RUNS misses and 2*RUNS hits per photo, interleaved; default 7)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-7}
jar=$(nws_jar api)
port=$(nws_free_port)
work=$(mktemp -d)
# shellcheck disable=SC2086
NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$port NWS_STORAGE_DIR=$work/data java $JAVA_OPTS -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
nws_wait_http "http://127.0.0.1:$port/health"
url="http://127.0.0.1:$port/upload"
time_of() { curl -s -o /dev/null -w '%{time_total}\n' --data-binary "@$1" -H 'Content-Type: image/jpeg' "$url$2"; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m*1000}'; }
# Warm the JIT on a photo that is not measured, so the first measured miss is not a cold start.
for q in 90 91 92; do time_of "$NWS_CORPUS/progressive.jpg" "?q=$q" >/dev/null; done
printf '%-26s %10s %10s %8s\n' photo "miss p50" "hit p50" "miss/hit"
for photo in photo_20mp_kleiber.jpg photo_8mp_picos.jpg photo_2mp_storm.jpg; do
  : >"$work/miss"; : >"$work/hit"
  for i in $(seq 1 "$runs"); do
    # A distinct quality per run makes each miss a new cache key; the hits repeat the first key.
    time_of "$NWS_CORPUS/$photo" "?q=$((40 + i))" >>"$work/miss"
    time_of "$NWS_CORPUS/$photo" "?q=41" >>"$work/hit"
    time_of "$NWS_CORPUS/$photo" "?q=41" >>"$work/hit"
  done
  miss=$(median <"$work/miss"); hit=$(median <"$work/hit")
  printf '%-26s %8s ms %8s ms %7.0fx\n' "$photo" "$miss" "$hit" "$(echo "$miss / $hit" | bc -l)"
done
# Peak heap: every corpus file at once, sampled with jstat every 100 ms.
jstat -gc "$pid" 100 >"$work/jstat" &
jstat_pid=$!
uploads=()
for f in "$NWS_CORPUS"/*.*; do
  case "$f" in *.md|*.sh|*.tsv) continue;; esac
  curl -s -o /dev/null -F "image=@$f" "$url?w=800" &
  uploads+=($!)
done
wait "${uploads[@]}" || true
sleep 0.3; kill $jstat_pid 2>/dev/null || true
peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$work/jstat")
rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/$pid/status)
echo "peak heap used while uploading the whole corpus concurrently: ${peak} MB (process peak RSS ${rss} MB)"
