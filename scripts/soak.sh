#!/usr/bin/env bash
# A soak with faults: the cluster topology of scripts/cluster-local.sh (Redis, S3Proxy, 1 API node,
# OPTIMIZERS optimizer JVMs) on free 127.0.0.1 ports in a run folder of its own, mixed traffic from
# a fixed seed for N minutes (uploads that miss and hit, GET /images/<id> variants and 304s, bad
# inputs), while Redis, the S3 server and an optimizer JVM are killed with SIGKILL and restarted
# in turn. Prints sent/answered/lost, statuses, p50/p99 and RSS per process; writes
# target/soak/<time>/soak.{txt,html} beside the cluster's logs. Exit 1 when a request was lost or
# answered with the wrong status.
#
#   scripts/soak.sh [--minutes 3]
#
# Environment: SEED (42), RATE (requests/s, 4), CONCURRENCY (16), OPTIMIZERS (2), FAULT_EVERY
# (seconds; default: a quarter of the run, 30..60), DOWN (seconds each target stays down, 15),
# TARGETS (redis,s3,optimizer1,optimizers: the last kills every optimizer at once), RETRY_BUDGET
# (seconds a client keeps retrying 503s, 120),
# JAVA_OPTS (the nodes' JVM flags; cluster-local.sh adds -Xmx512m to the default).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"

MINUTES=3
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    *) echo "usage: $0 [--minutes N]" >&2; exit 2 ;;
  esac
done
seconds=$(python3 -c "print(int(float('$MINUTES') * 60))")
FAULT_EVERY="${FAULT_EVERY:-$(python3 -c "print(max(30, min(60, $seconds // 4)))")}"

nws_jar api >/dev/null
nws_jar optimizer >/dev/null
bench_jar=$(nws_jar benchmarks)

export OPTIMIZERS="${OPTIMIZERS:-2}"
nws_private_cluster "$NWS_ROOT/target/soak/$(date +%Y%m%d-%H%M%S)"
trap nws_private_cluster_stop EXIT

echo "soak: run folder $RUN_DIR; API 127.0.0.1:$API_PORT, Redis :$REDIS_PORT, S3 :$S3_PORT, Hazelcast :$NWS_CLUSTER_PORT" >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
scripts/cluster-local.sh start

set +e
java -Xmx512m -cp "$bench_jar" nws.watermark.benchmarks.soak.Soak \
  --port "$API_PORT" --run-dir "$RUN_DIR" --corpus "$NWS_CORPUS" --out "$RUN_DIR" \
  --minutes "$MINUTES" --seed "${SEED:-42}" --rate "${RATE:-4}" --concurrency "${CONCURRENCY:-16}" \
  --fault-every "$FAULT_EVERY" --first-fault "$((FAULT_EVERY / 2))" --down "${DOWN:-15}" \
  --targets "${TARGETS:-redis,s3,optimizer1,optimizers}" --retry-budget "${RETRY_BUDGET:-120}" \
  --optimizers "$OPTIMIZERS" --restart "NWS_NO_BUILD=1 $(printf %q "$NWS_ROOT/scripts/cluster-local.sh") start"
status=$?
set -e
ln -sfn "$RUN_DIR" "$NWS_ROOT/target/soak/latest"
echo "logs and report: $RUN_DIR (also target/soak/latest)" >&2
exit $status
