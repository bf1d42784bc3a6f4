#!/usr/bin/env bash
# Our JPEG, WebP and AVIF against sharp's (the sharp-upload peer's sharp 0.34.5), in the same run:
# for the 20, 8, 2 and 6 MP corpus photos, bytes, SSIM against an exact area-average reference and
# encode ms, ours and sharp's in alternating rounds, plus our bytes at sharp's SSIM. sharp's AVIF
# is measured at its default 4:4:4 and at 4:2:0 as ours. Builds the benchmarks jar when missing or
# stale; installs sharp through the peer when missing.
#   ROUNDS=3 scripts/formats-bench.sh
# ROUNDS: timed rounds per photo (default 3: a few minutes on a busy 2-core machine; sharp's two
# AVIF encodes are most of each round). Prints the table and writes it to
# benchmarks/target/formats-bench.txt; the reference PNGs and every encoder's files stay in
# benchmarks/target/formats-bench/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jar=$(nws_jar benchmarks)
peer="$NWS_PEERS/sharp-upload"
sharp_app="${NWS_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nws-peers}/sharp-upload/app"

# The peer installs sharp (npm ci into its cache) only on its way to starting, and marks the
# install with a stamp of its package files: when that stamp is missing or stale, start it once on
# a free port and stop it, so sharp is exactly the peer's, installed the peer's way.
stamp="$(cat "$peer/package.json" "$peer/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ ! -d "$sharp_app/node_modules/sharp" ] || [ "$(cat "$sharp_app/.installed" 2>/dev/null)" != "$stamp" ]; then
  port=$(nws_free_port)
  echo "installing sharp through the sharp-upload peer (started once on port $port)..." >&2
  trap '"$peer/stop.sh" "$port" >/dev/null 2>&1 || true' EXIT
  "$peer/run.sh" "$port" >/dev/null
  "$peer/stop.sh" "$port" >/dev/null 2>&1
  trap - EXIT
fi

work="$NWS_ROOT/benchmarks/target/formats-bench"
mkdir -p "$work"
# shellcheck disable=SC2086
java $JAVA_OPTS -Xmx1g -Djava.awt.headless=true -Drounds="${ROUNDS:-3}" \
  -cp "$jar" nws.watermark.benchmarks.formats.FormatsBench \
  "$NWS_CORPUS" "$work" "$NWS_ROOT/benchmarks/src/main/node/sharp-encode.mjs" "$sharp_app" \
  | tee "$NWS_ROOT/benchmarks/target/formats-bench.txt"
