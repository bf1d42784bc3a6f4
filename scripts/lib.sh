# Sourced by every script here: where the fat jars are (built when missing or older than the
# sources), free loopback ports, and the JVM flags. One variable holds the flags of the NWS JVMs
# a script starts: JAVA_OPTS (default below).
# shellcheck shell=bash

NWS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NWS_CORPUS="$(cd "${NWS_CORPUS:-$NWS_ROOT/../shared/corpus}" 2>/dev/null && pwd || echo "${NWS_CORPUS:-$NWS_ROOT/../shared/corpus}")"
NWS_PEERS="$(cd "${NWS_PEERS:-$NWS_ROOT/../shared/peers}" 2>/dev/null && pwd || echo "${NWS_PEERS:-$NWS_ROOT/../shared/peers}")"

# The serial collector with a heap sized for the service's own budgets, giving memory back once a
# burst is over (see the README, "Memory: collector and heap", for the load tests that chose it):
# 2 GB holds the upload bytes in memory (512 MiB), the L1 (256 MiB) and two workers decoding
# NWS_MAX_PIXELS each (2 x 381 MiB) with room to spare; the heap starts at 128 MiB with a young
# generation of at least 96 MiB (a few 20 MP jobs between young collections), grows only as the
# work needs, and after every full collection keeps at most 30 % free, all of it at once. The
# serial collector never collects on its own when nothing allocates: the service runs one full
# collection after NWS_IDLE_GC_SECONDS (10) with nothing in flight, which hands the burst back.
NWS_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms128m -Xmx2g -XX:NewSize=96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps"
JAVA_OPTS="${JAVA_OPTS:-$NWS_DEFAULT_JAVA_OPTS}"

# Hazelcast reads JDK internals; without these it only warns, but runs slower.
NWS_HZ_OPENS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"

# nws_jar api|optimizer|benchmarks: the path of that jar, after building every jar when one is
# missing or any source, POM or cluster.xml changed since it was built (after a git pull, say).
# NWS_NO_BUILD=1 takes the jars as they are when they exist: a node restarted in the middle of a
# soak must come back in seconds, not after a build of sources edited meanwhile.
nws_jar() {
  local jar
  case "$1" in
    api) jar="$NWS_ROOT/api-verticle/target/api-verticle-0.1.0-SNAPSHOT-fat.jar" ;;
    optimizer) jar="$NWS_ROOT/optimizer-verticle/target/optimizer-verticle-0.1.0-SNAPSHOT-fat.jar" ;;
    benchmarks) jar="$NWS_ROOT/benchmarks/target/benchmarks.jar" ;;
    *) echo "nws_jar: api, optimizer or benchmarks, not '$1'" >&2; return 2 ;;
  esac
  if [ ! -f "$jar" ] || { [ "${NWS_NO_BUILD:-0}" != 1 ] && [ -n "$(nws_newer_than "$jar")" ]; }; then
    echo "building the jars ($( [ -f "$jar" ] && echo 'the sources changed' || echo 'first run'))..." >&2
    (cd "$NWS_ROOT" && ./mvnw -B -q -DskipTests package) >&2 || return 1
  fi
  echo "$jar"
}

# The first source file newer than $1, if any.
nws_newer_than() {
  (cd "$NWS_ROOT" && find pom.xml cluster.xml shared optimizer-verticle api-verticle benchmarks \
    -newer "$1" -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' -o -name cluster.xml \) \
    -not -path '*/target/*' -print -quit 2>/dev/null)
}

# A TCP port free on 127.0.0.1 right now.
nws_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# nws_wait_http URL [TRIES]: polls URL every 0.2 s until it answers 2xx.
nws_wait_http() {
  local tries="${2:-150}"
  for _ in $(seq 1 "$tries"); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "no answer from $1" >&2
  return 1
}

# The Debian/Ubuntu packages of the native codecs: libjpeg-turbo's Java binding (the fast JPEG
# engine) and libheif (HEIC and AVIF in, AVIF out). WebP comes inside the jar. .ci/run and the
# Dockerfiles install the same list.
NWS_CODEC_PACKAGES="libturbojpeg0 libturbojpeg0-dev libturbojpeg-java libheif1"

# nws_install_codecs: installs the codec packages that are missing, as root or through sudo -n;
# where it cannot (no apt, no rights), says in one line what is missing and the command that adds
# it, and returns 0 anyway: the service runs with what it has.
nws_install_codecs() {
  command -v dpkg-query >/dev/null 2>&1 || {
    echo "NWS: no dpkg here: install libjpeg-turbo's Java binding and libheif (1.13+) by hand for the fast engine and HEIC/AVIF" >&2
    return 0
  }
  local missing="" p
  for p in $NWS_CODEC_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  local as=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as="sudo -n"; else as="none"; fi
  fi
  if [ "$as" != none ] && command -v apt-get >/dev/null 2>&1; then
    echo "NWS: installing the native codecs:$missing" >&2
    # shellcheck disable=SC2086
    if $as env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 \
      || { $as apt-get update -q >/dev/null 2>&1 \
        && $as env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; }; then
      return 0
    fi
  fi
  echo "NWS: running without$missing (the pure-Java JPEG engine, no HEIC/AVIF); to add them: sudo apt-get install$missing" >&2
  return 0
}

# nws_private_cluster RUN_DIR: exports what scripts/cluster-local.sh needs to start a cluster of
# its own in RUN_DIR, on free 127.0.0.1 ports, whatever else runs on this machine: API_PORT,
# REDIS_PORT, S3_PORT, and a Hazelcast cluster apart. Other builds here run NWS clusters too, and
# Hazelcast joins any member with the same cluster name on the ports it tries (5701-5703 by
# default): a unique name and a free seed port keep this one apart. The members list names the
# seed port and the ports the other nodes take after it (auto-increment), so a node restarted
# while every node on the seed port is down still finds the cluster instead of starting a second
# one that the survivors later merge into (a merge resets their member ids and loses jobs).
# The S3 peer keeps its pid and log under NWS_PEERS_CACHE, here RUN_DIR/peers; its jar comes from
# the shared peer cache or the local Maven repository when either has it (else the peer fetches it).
nws_private_cluster() {
  export RUN_DIR="$1"
  mkdir -p "$RUN_DIR"
  API_PORT=$(nws_free_port); REDIS_PORT=$(nws_free_port); S3_PORT=$(nws_free_port)
  local hz_port jar candidate
  hz_port=$(nws_free_port)
  export API_PORT REDIS_PORT S3_PORT
  sed -e "s|<cluster-name>[^<]*</cluster-name>|<cluster-name>nws-private-$$-$hz_port</cluster-name>|" \
    "$NWS_ROOT/cluster.xml" >"$RUN_DIR/cluster.xml"
  export NWS_CLUSTER_CONFIG="$RUN_DIR/cluster.xml" NWS_CLUSTER_HOST=127.0.0.1
  local members="127.0.0.1:$hz_port" i
  for i in $(seq 1 $(( ${OPTIMIZERS:-2} + 2 ))); do members="$members,127.0.0.1:$((hz_port + i))"; done
  export NWS_CLUSTER_PORT="$hz_port" NWS_CLUSTER_MEMBERS="$members"
  export NWS_PEERS_CACHE="$RUN_DIR/peers"
  mkdir -p "$NWS_PEERS_CACHE/s3"
  jar=s3proxy-4.1.0-jar-with-dependencies.jar
  for candidate in "$HOME/.cache/nws-peers/s3/$jar" "$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/$jar"; do
    if [ -s "$candidate" ]; then ln -sf "$candidate" "$NWS_PEERS_CACHE/s3/$jar"; break; fi
  done
}

# nws_write_pid FILE PID: records "PID STARTTIME" (clock ticks since boot, /proc/PID/stat field
# 22), as the peers do, so a pid the kernel gave to another process since is never signalled.
nws_write_pid() { echo "$2 $(sed -E 's/^.*\) //' "/proc/$2/stat" 2>/dev/null | awk '{print $20}')" >"$1"; }

# nws_read_pid FILE: prints the recorded pid when that same process still runs, else fails.
nws_read_pid() {
  [ -f "$1" ] || return 1
  local pid start
  read -r pid start <"$1" || true
  [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ -z "${start:-}" ] || [ "$(sed -E 's/^.*\) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $20}')" = "$start" ] || return 1
  echo "$pid"
}

# nws_private_cluster_stop: stops what nws_private_cluster's RUN_DIR holds: the nodes and stores
# through cluster-local.sh, then, by its recorded pid and start time only, anything still alive
# there (a restart cut short).
nws_private_cluster_stop() {
  [ -n "${RUN_DIR:-}" ] || return 0
  "$NWS_ROOT/scripts/cluster-local.sh" stop >/dev/null 2>&1 || true
  local f pid
  for f in "$RUN_DIR"/*.pid "${NWS_PEERS_CACHE:-$RUN_DIR/peers}"/s3/run/*.pid; do
    pid=$(nws_read_pid "$f") && kill -KILL "$pid" 2>/dev/null || true
  done
}
