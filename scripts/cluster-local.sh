#!/usr/bin/env bash
# The docker-compose topology with real processes on 127.0.0.1, for machines without Docker:
# Redis, an S3 server, 1 API node and 2 optimizer nodes, clustered over Hazelcast (cluster.xml).
#
#   scripts/cluster-local.sh start     builds the jars when missing, starts everything, waits for /ready
#   scripts/cluster-local.sh status    what runs, and the API's /ready
#   scripts/cluster-local.sh stop      SIGTERM to every node (they drain and leave), then the stores
#
# Settings (environment): API_PORT (8080), OPTIMIZERS (2), REDIS_PORT (6390), S3_PORT (9000),
# RUN_DIR (.cluster-local: pids, logs, data), JAVA_OPTS (the nodes' JVM flags), STORES=0 (no Redis, no
# S3: the nodes only), and any NWS_* variable.
# Redis needs redis-server on the PATH; the S3 server is S3Proxy, started by ../shared/peers/s3
# when that folder exists or from S3PROXY_JAR. Either one missing is skipped with a warning: the
# service runs without it (no L2 cache; originals in RUN_DIR/data, shared by the nodes).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$NWS_ROOT"
[ "$JAVA_OPTS" = "$NWS_DEFAULT_JAVA_OPTS" ] && JAVA_OPTS="$JAVA_OPTS -Xmx512m"

API_PORT="${API_PORT:-8080}"
OPTIMIZERS="${OPTIMIZERS:-2}"
REDIS_PORT="${REDIS_PORT:-6390}"
S3_PORT="${S3_PORT:-9000}"
RUN_DIR="${RUN_DIR:-.cluster-local}"
mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
S3_PEER="$NWS_PEERS/s3"
S3_BUCKET="${NWS_S3_BUCKET:-nws-originals}"

log() { echo "cluster-local: $*" >&2; }

alive() { nws_read_pid "$1" >/dev/null; }


start_redis() {
  if ! command -v redis-server >/dev/null; then
    log "redis-server not found: running without the Redis L2 cache"
    return
  fi
  export NWS_REDIS_URL="${NWS_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
  alive "$RUN_DIR/redis.pid" && return
  mkdir -p "$RUN_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes --save '' --appendonly no \
    --dir "$RUN_DIR/redis" --daemonize no --logfile '' >"$RUN_DIR/redis.log" 2>&1 &
  nws_write_pid "$RUN_DIR/redis.pid" $!
  log "redis on 127.0.0.1:$REDIS_PORT (pid $!)"
}

start_s3() {
  if [ -x "$S3_PEER/run.sh" ]; then
    nws_write_pid "$RUN_DIR/s3.pid" "$("$S3_PEER/run.sh" "$S3_PORT" "$RUN_DIR/s3" "$S3_BUCKET")"
  elif [ -n "${S3PROXY_JAR:-}" ]; then
    mkdir -p "$RUN_DIR/s3/$S3_BUCKET"
    cat >"$RUN_DIR/s3.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=nwsaccess
s3proxy.credential=nwssecret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$RUN_DIR/s3
EOF
    java -Xmx256m -jar "$S3PROXY_JAR" --properties "$RUN_DIR/s3.properties" >"$RUN_DIR/s3.log" 2>&1 &
    nws_write_pid "$RUN_DIR/s3.pid" $!
  else
    log "no S3 server ($S3_PEER or S3PROXY_JAR): originals go to $RUN_DIR/data"
    return
  fi
  export NWS_S3_ENDPOINT="${NWS_S3_ENDPOINT:-http://127.0.0.1:$S3_PORT}"
  export NWS_S3_ACCESS_KEY="${NWS_S3_ACCESS_KEY:-nwsaccess}"
  export NWS_S3_SECRET_KEY="${NWS_S3_SECRET_KEY:-nwssecret}"
  export NWS_S3_BUCKET="$S3_BUCKET"
  log "S3 on 127.0.0.1:$S3_PORT, bucket $S3_BUCKET (pid $(nws_read_pid "$RUN_DIR/s3.pid"))"
}

# start_node NAME JAR [VAR=VALUE...]
start_node() {
  local name="$1" jar="$2"
  shift 2
  alive "$RUN_DIR/$name.pid" && return
  # shellcheck disable=SC2086
  env NWS_CLUSTER=true NWS_STORAGE_DIR="$RUN_DIR/data" "$@" \
    java $NWS_HZ_OPENS $JAVA_OPTS -jar "$jar" >"$RUN_DIR/$name.log" 2>&1 &
  nws_write_pid "$RUN_DIR/$name.pid" $!
  log "$name started (pid $!, log $RUN_DIR/$name.log)"
}

wait_ready() {
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null 2>&1; then
      log "ready: http://127.0.0.1:$API_PORT/  (try: curl -F image=@photo.jpg http://127.0.0.1:$API_PORT/upload -o out.jpg)"
      return
    fi
    alive "$RUN_DIR/api.pid" || { log "the API node exited; see $RUN_DIR/api.log"; exit 1; }
    sleep 1
  done
  log "the API did not get ready in 120 s; see $RUN_DIR/*.log"
  exit 1
}

start() {
  mkdir -p "$RUN_DIR/data"
  local api_jar optimizer_jar
  api_jar=$(nws_jar api)
  optimizer_jar=$(nws_jar optimizer)
  if [ "${STORES:-1}" != 0 ]; then
    start_redis
    start_s3
  fi
  start_node api "$api_jar" NWS_HTTP_HOST=127.0.0.1 NWS_HTTP_PORT="$API_PORT"
  for i in $(seq 1 "$OPTIMIZERS"); do
    start_node "optimizer$i" "$optimizer_jar"
  done
  wait_ready
}

# stop_pid FILE: SIGTERM, wait for the drain (up to 40 s), then SIGKILL.
stop_pid() {
  local file="$1"
  local pid
  pid=$(nws_read_pid "$file") || { rm -f "$file"; return; }
  kill -TERM "$pid"
  for _ in $(seq 1 400); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  log "stopped $(basename "$file" .pid) (pid $pid)"
  rm -f "$file"
}

stop() {
  for f in "$RUN_DIR"/optimizer*.pid "$RUN_DIR/api.pid"; do
    [ -e "$f" ] && stop_pid "$f"
  done
  if [ -x "$S3_PEER/stop.sh" ] && [ -f "$RUN_DIR/s3.pid" ] && [ -z "${S3PROXY_JAR:-}" ]; then
    "$S3_PEER/stop.sh" "$S3_PORT" || true
    rm -f "$RUN_DIR/s3.pid"
  fi
  stop_pid "$RUN_DIR/s3.pid"
  stop_pid "$RUN_DIR/redis.pid"
}

status() {
  for f in "$RUN_DIR"/*.pid; do
    [ -e "$f" ] || continue
    if alive "$f"; then echo "$(basename "$f" .pid): running (pid $(nws_read_pid "$f"))"; else echo "$(basename "$f" .pid): gone"; fi
  done
  curl -fsS "http://127.0.0.1:$API_PORT/ready" && echo
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
