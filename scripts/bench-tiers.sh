#!/usr/bin/env bash
# Latency of an L1 hit, a Redis hit and a miss for the 8 MP photo over HTTP (medians, same run,
# as ratios), and what a Redis or S3 outage costs a burst of uploads. Starts its own redis-server
# and S3Proxy on free loopback ports (needs Debian's redis-server) and stops them by PID.
# ROUNDS (default 15) and BURST (default 24) size it. Prints api-verticle/target/bench-tiers.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-15}" BURST="${BURST:-24}" \
  ./mvnw -B -q verify -pl api-verticle -am -Dtest=TierLatencyBench -Dsurefire.failIfNoSpecifiedTests=false
cat api-verticle/target/bench-tiers.txt
