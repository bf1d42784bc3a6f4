#!/usr/bin/env bash
# JMH benchmarks of the optimizer pipeline: each step and the whole job, on every engine
# (NAIVE = full decode baseline, IMAGEIO = source subsampling, TURBOJPEG = DCT scaling + TurboJPEG
# encode), on corpus photos. Builds the benchmarks jar when missing; building never runs them.
# Arguments go to JMH, for example:
#   scripts/bench.sh 'PipelineBenchmark.job' -p photo=photo_20mp_kleiber.jpg -prof gc
#   scripts/bench.sh -f 1 -wi 2 -i 3        (fewer iterations: a quicker, noisier run)
# Results are written to benchmarks/target/jmh-result.txt as well.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd "${NWS_CORPUS:-../shared/corpus}" && pwd)
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
java -Dnws.corpus.dir="$corpus" -jar "$jar" -jvmArgsAppend "-Dnws.corpus.dir=$corpus" "$@" \
  | tee benchmarks/target/jmh-result.txt
