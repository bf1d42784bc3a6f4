#!/usr/bin/env bash
# HTTP load test: NWS (fat jar) against the sharp peer (../shared/peers/sharp-upload) and a bare
# Vert.x server that only receives and hashes, all on free 127.0.0.1 ports, measured in the same
# run, interleaved, on the 20 MP, 8 MP and 2 MP corpus photos and three colour-tagged JPEGs made
# here from the 2 MP one (sRGB, Display P3, Adobe RGB). Prints a table with NWS/sharp and NWS/bare
# ratios, the server CPU per request, every process's RSS (idle, peak, and each second for a
# minute after the burst), writes target/load-test.{txt,html} (the HTML holds the plots) and each
# NWS log as target/load-test-nws-<name>.log, and stops everything it started by PID.
#   SEED=42 SCALE=1 MAX_SECONDS=600 AFTER_SECONDS=60 scripts/load-test.sh
# SCALE multiplies the request counts (1: 12 misses at c1, 24 at c4, 60 and 200 hits per photo).
# JAVA_OPTS is passed to the NWS JVM (default: the flags of scripts/lib.sh, as scripts/run.sh).
# CANDIDATES compares several NWS JVMs in one run, one per line or ';'-separated, each
# name=JVM flags, e.g.
#   CANDIDATES='parallel=-XX:+UseParallelGC -Xmx512m;serial=-XX:+UseSerialGC -Xmx512m' scripts/load-test.sh
# Words of the form NWS_X=value among a candidate's flags are set in its environment instead:
#   CANDIDATES='nogc=NWS_IDLE_GC_SECONDS=0 -XX:+UseParallelGC -Xmx2g' scripts/load-test.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
root=$NWS_ROOT
corpus=$NWS_CORPUS
peers=$NWS_PEERS
api_jar=$(nws_jar api)
bench_jar=$(nws_jar benchmarks)
sharp_port=$(nws_free_port); bare_port=$(nws_free_port)
work=$(mktemp -d)
# The jar as built now, in this run's folder: a rebuild meanwhile, or a script that stops NWS JVMs
# by their jar's name, leaves the JVMs measured here alone.
cp "$api_jar" "$work/nws-api.jar"
api_jar=$work/nws-api.jar
nws_pids=(); bare_pid=""; sharp_started=""
cleanup() {
  local pid
  for pid in "${nws_pids[@]}" $bare_pid; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  [ -n "$sharp_started" ] && "$peers/sharp-upload/stop.sh" "$sharp_port" >/dev/null 2>&1 || true
  for log in "$work"/nws-*.log; do
    [ -f "$log" ] && mkdir -p "$root/target" && cp "$log" "$root/target/load-test-$(basename "$log")"
  done
  rm -rf "$work"
}
trap cleanup EXIT

# The photos: three from the corpus, and the 2 MP one tagged with three colour profiles (the
# untagged original is sRGB: it is tagged sRGB as it is, converted to Display P3 and Adobe RGB).
photos="$corpus/photo_20mp_kleiber.jpg,$corpus/photo_8mp_picos.jpg,$corpus/photo_2mp_storm.jpg"
icc_srgb=/usr/share/color/icc/colord/sRGB.icc
icc_p3=$(dpkg -L argyll-ref 2>/dev/null | grep -m1 '/DisplayP3.icm$' || true)
icc_adobe=/usr/share/color/icc/colord/AdobeRGB1998.icc
if [ -x /usr/bin/convert ] && [ -f "$icc_srgb" ] && [ -f "$icc_adobe" ] && [ -n "$icc_p3" ]; then
  for tag in srgb p3 adobergb; do
    case $tag in
      srgb) to=() ;;
      p3) to=(-profile "$icc_p3") ;;
      adobergb) to=(-profile "$icc_adobe") ;;
    esac
    out="$work/photo_2mp_storm_$tag.jpg"
    /usr/bin/convert "$corpus/photo_2mp_storm.jpg" -profile "$icc_srgb" "${to[@]}" \
      -quality 98 -sampling-factor 2x1 "$out"
    photos="$photos,$out"
  done
else
  echo "no ImageMagick (/usr/bin/convert) or ICC profiles (colord's sRGB and AdobeRGB1998, argyll-ref's DisplayP3): the colour-tagged photos are left out" >&2
fi

candidates="${CANDIDATES:-nws=$JAVA_OPTS}"
targets=()
while IFS= read -r candidate; do
  candidate="$(echo "$candidate" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')"
  [ -z "$candidate" ] && continue
  name=${candidate%%=*}; flags=""; settings=()
  for word in ${candidate#*=}; do
    if [[ $word =~ ^NWS_[A-Z0-9_]+= ]]; then settings+=("$word"); else flags="$flags $word"; fi
  done
  flags=${flags# }
  port=$(nws_free_port)
  # shellcheck disable=SC2086
  env "${settings[@]}" NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT=$port NWS_STORAGE_DIR=$work/data-$name \
    java $flags -jar "$api_jar" >"$work/nws-$name.log" 2>&1 &
  nws_pids+=($!)
  targets+=("$name=$port:$!")
  echo "NWS $name: pid $! port $port, JVM flags: $flags${settings[*]:+, settings: ${settings[*]}}" >&2
done < <(echo "$candidates" | tr ';' '\n')
java -Xmx256m -cp "$bench_jar" nws.watermark.benchmarks.BareServer "$bare_port" >"$work/bare.log" 2>&1 &
bare_pid=$!
sharp_pid=$("$peers/sharp-upload/run.sh" "$sharp_port")
sharp_started=1
for target in "${targets[@]}"; do
  port=${target#*=}; port=${port%%:*}
  nws_wait_http "http://127.0.0.1:$port/health" || { tail -n 20 "$work"/nws-*.log >&2; exit 1; }
  engine=$(curl -s "http://127.0.0.1:$port/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("imageEngine","?"))')
  echo "NWS ${target%%=*} up (image engine: $engine)" >&2
done
nws_wait_http "http://127.0.0.1:$bare_port/" || { echo "the bare server did not start; see $work/bare.log" >&2; exit 1; }
echo "sharp pid $sharp_pid port $sharp_port, bare pid $bare_pid port $bare_port" >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared: read the ratios, not the absolute figures)" >&2
java -Dseed="${SEED:-42}" -Dscale="${SCALE:-1}" -DmaxSeconds="${MAX_SECONDS:-600}" \
  -DafterSeconds="${AFTER_SECONDS:-60}" -Dphotos="$photos" \
  -cp "$bench_jar" nws.watermark.benchmarks.load.LoadTest \
  "$root/target" "${targets[@]}" "sharp=$sharp_port:$sharp_pid" "bare=$bare_port:$bare_pid"
