#!/usr/bin/env bash
# Runs NWS Watermark standalone in the foreground: API and optimizer workers in one JVM, no Redis,
# S3 or cluster needed. Builds the fat jar first when it is missing or older than the sources.
# NWS_* variables configure it (NWS_HTTP_PORT, default 8080); JAVA_OPTS is passed to the JVM.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
jar=$(nws_jar api)
cd "$NWS_ROOT"
# shellcheck disable=SC2086
exec java $JAVA_OPTS -jar "$jar"
