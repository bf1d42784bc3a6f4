#!/usr/bin/env bash
# JMH benchmarks of the optimizer pipeline: each step and the whole job, on every engine
# (NAIVE = full decode baseline, IMAGEIO = source subsampling, TURBOJPEG = DCT scaling + TurboJPEG
# encode), on corpus photos. Builds the benchmarks jar when missing or stale; building never runs them.
# Arguments go to JMH, for example:
#   scripts/bench.sh 'PipelineBenchmark.job' -p photo=photo_20mp_kleiber.jpg -prof gc
#   scripts/bench.sh -f 1 -wi 2 -i 3        (fewer iterations: a quicker, noisier run)
# Results are written to benchmarks/target/jmh-result.txt as well.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jar=$(nws_jar benchmarks)
java -Dnws.corpus.dir="$NWS_CORPUS" -jar "$jar" -jvmArgsAppend "-Dnws.corpus.dir=$NWS_CORPUS" "$@" \
  | tee "$NWS_ROOT/benchmarks/target/jmh-result.txt"
