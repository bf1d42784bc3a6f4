#!/usr/bin/env bash
# Builds everything and runs every test: unit, HTTP against the real service on loopback ports,
# and the tests that start their own Redis, S3 server or cluster JVMs. Extra arguments go to Maven
# (for example: scripts/test.sh -Dtest=CorpusTest -Dsurefire.failIfNoSpecifiedTests=false).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B verify "$@"
