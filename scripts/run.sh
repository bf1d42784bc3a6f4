#!/usr/bin/env bash
# Runs NWS Watermark standalone in the foreground: API and optimizer workers in one JVM, no Redis,
# S3 or cluster needed. Builds the fat jar first when it is missing. NWS_* variables configure it
# (NWS_HTTP_PORT, default 8080); JAVA_OPTS is passed to the JVM (default -XX:+UseParallelGC: the
# throughput collector, which handles the image-sized arrays of this work far better than G1).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls api-verticle/target/api-verticle-*-fat.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "building the jar (first run only)..." >&2
  ./mvnw -B -q -DskipTests package
  jar=$(ls api-verticle/target/api-verticle-*-fat.jar | head -n 1)
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--XX:+UseParallelGC} -jar "$jar"
