#!/usr/bin/env bash
# Runs NWS Watermark standalone in the foreground: API and optimizer workers in one JVM, no Redis,
# S3 or cluster needed. First it installs the native codecs it lacks (Debian/Ubuntu, as root or
# through sudo -n: the fast JPEG engine, HEIC and AVIF; else it says what is missing and goes on),
# and builds the fat jar when it is missing or older than the sources.
# NWS_* variables configure it (NWS_HTTP_PORT, default 8080); JAVA_OPTS is passed to the JVM.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
nws_install_codecs
jar=$(nws_jar api)
cd "$NWS_ROOT"
# shellcheck disable=SC2086
exec java $JAVA_OPTS -jar "$jar"
