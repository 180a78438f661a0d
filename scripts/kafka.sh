#!/usr/bin/env bash
# Runs one real Apache Kafka broker (KRaft, combined broker+controller, loopback only) for Caudal's
# tests, examples and CI.
#
#   bash scripts/kafka.sh start    # prints the bootstrap address (e.g. 127.0.0.1:19092) on stdout
#   bash scripts/kafka.sh status   # exit 0 when running, 1 when not
#   bash scripts/kafka.sh stop     # SIGTERM, then SIGKILL after 30 s; removes the state dir
#   bash scripts/kafka.sh restart  # stop, keeping the state dir (topics, records, offsets), then start on it
#
# Environment: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), CAUDAL_KAFKA_VERSION (see below),
# KAFKA_OWNER_PID (optional: the broker is stopped once that process has exited, so a killed test
# run leaves no broker behind). State (config, data, server.log, pid) lives in
# ${TMPDIR:-/tmp}/caudal-kafka-<port>; one broker per port, so runs on different ports are independent.
#
# Needs Java 17 and Maven. The broker's jars come from Maven Central through scripts/kafka/pom.xml
# (org.apache.kafka:kafka_2.13 + slf4j-simple) and stay in ~/.m2; the resolved classpath is memoized
# in ~/.m2/caudal-kafka/, so a later start needs neither the network nor mvn.
#
# Why Kafka 4.2.0 (the newest release) with kafkajs 2.2.4 (the Node client Caudal's tests use):
# Kafka 4.0 removed the protocol API versions older than Kafka 2.1 (KIP-896), which broke clients
# that still send them (kafka-go and brod sent JoinGroup v0/v1; terraform-provider-kafka
# CreateTopics v0). kafkajs negotiates every request version through ApiVersions and picks the
# highest version both sides know, and its highest version of every API is at or above the 4.x
# floor (Produce v7, Fetch v11, ListOffsets v3, Metadata v6, JoinGroup v5, OffsetCommit v5,
# OffsetFetch v4, CreateTopics v3, DeleteTopics v1, DescribeConfigs v2; the transaction APIs lost no
# version). Tried against 4.2.0 and 3.9.2: topic admin, keyed produce, consumer groups, offsets,
# describeConfigs and transactions with a read_committed consumer all work on both. Testing on 4.x
# (KRaft only, strictest protocol floor) also covers 3.x brokers, which accept a superset of versions.
# kafkajs speaks the classic consumer-group protocol and transaction protocol v1 (EndTxn v1); 4.x
# still serves both (KIP-848 groups and KIP-890 transactions v2 apply only to clients asking for them).
# Fallback if a kafkajs request ever meets UNSUPPORTED_VERSION: CAUDAL_KAFKA_VERSION=3.9.2 (last 3.x,
# still accepts every old version). The 4.x broker needs Java 17.
set -euo pipefail

readonly DEFAULT_KAFKA_VERSION=4.2.0

readonly KAFKA_VERSION="${CAUDAL_KAFKA_VERSION:-$DEFAULT_KAFKA_VERSION}"
readonly HOST=127.0.0.1
readonly PORT="${KAFKA_PORT:-19092}"
readonly CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
readonly TMP_ROOT="${TMPDIR:-/tmp}"
readonly STATE_DIR="${TMP_ROOT%/}/caudal-kafka-${PORT}"
readonly PID_FILE="$STATE_DIR/broker.pid"
readonly LOG_FILE="$STATE_DIR/server.log"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly POM="$SCRIPT_DIR/kafka/pom.xml"
readonly CACHE_DIR="${CAUDAL_KAFKA_CACHE:-$HOME/.m2/caudal-kafka}"
readonly START_TIMEOUT_S=60
readonly STOP_TIMEOUT_S=30

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(<"$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s' "$pid"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

require_java() {
  command -v java >/dev/null || die "java not found on PATH; install Java 17 (e.g. apt-get install openjdk-17-jre-headless)"
  local major
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -n "$major" && "$major" -ge 17 ]] || die "Java 17 or newer is needed (found: ${major:-unknown})"
}

# Prints the broker's classpath, resolving it with Maven on first use.
classpath() {
  local pom_hash cache_file cp missing=0 entry
  local -a entries
  pom_hash="$(sha256sum "$POM" | cut -c1-16)"
  cache_file="$CACHE_DIR/classpath-${KAFKA_VERSION}-${pom_hash}.txt"
  if [[ -s "$cache_file" ]]; then
    cp="$(<"$cache_file")"
    # A cleaned ~/.m2 invalidates the memo.
    IFS=':' read -r -a entries <<<"$cp"
    for entry in "${entries[@]}"; do [[ -f "$entry" ]] || { missing=1; break; }; done
    if [[ "$missing" == 0 ]]; then printf '%s' "$cp"; return; fi
  fi
  command -v mvn >/dev/null || die "mvn not found on PATH; install Maven (e.g. apt-get install maven) to download the Kafka broker"
  mkdir -p "$CACHE_DIR"
  log "resolving Kafka ${KAFKA_VERSION} jars with Maven (the first time downloads ~65 MB into ~/.m2)"
  local tmp_out="$cache_file.tmp.$$" mvn_log="$cache_file.mvn.$$.log"
  if ! mvn -B -q -f "$POM" -Dkafka.version="$KAFKA_VERSION" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$tmp_out" >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2
    rm -f "$tmp_out" "$mvn_log"
    die "mvn could not resolve org.apache.kafka:kafka_2.13:${KAFKA_VERSION}"
  fi
  rm -f "$mvn_log"
  mv "$tmp_out" "$cache_file"
  printf '%s' "$(<"$cache_file")"
}

write_server_properties() {
  cat >"$STATE_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${CONTROLLER_PORT}
listeners=PLAINTEXT://${HOST}:${PORT},CONTROLLER://${HOST}:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${HOST}:${PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${STATE_DIR}/data
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
# Few internal partitions: the first consumer group / transaction creates them, 50 each is slow.
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
group.initial.rebalance.delay.ms=0
EOF
}

# Stops the broker once the owner process is gone (a test run killed before its teardown).
spawn_owner_watchdog() {
  local owner="$1" broker="$2"
  # shellcheck disable=SC2016 # the single-quoted script expands its own positional parameters
  KAFKA_PORT="$PORT" KAFKA_CONTROLLER_PORT="$CONTROLLER_PORT" nohup bash -c '
    owner=$1 broker=$2 script=$3
    while kill -0 "$owner" 2>/dev/null && kill -0 "$broker" 2>/dev/null; do sleep 2; done
    if kill -0 "$broker" 2>/dev/null; then bash "$script" stop; fi
  ' caudal-kafka-watchdog "$owner" "$broker" "$SCRIPT_DIR/kafka.sh" \
    </dev/null >>"$STATE_DIR/watchdog.log" 2>&1 &
}

# `cmd_start reuse` keeps an existing state dir (after `cmd_stop keep`) instead of formatting a new one.
cmd_start() {
  local reuse="${1:-}" pid
  if pid="$(broker_pid)"; then
    log "already running (pid $pid)"
    printf '%s:%s\n' "$HOST" "$PORT"
    return
  fi
  require_java
  local cp
  cp="$(classpath)"
  port_open "$PORT" && die "port $HOST:$PORT is already in use (set KAFKA_PORT)"
  port_open "$CONTROLLER_PORT" && die "port $HOST:$CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)"

  local java_opts=(-Xms128m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true
    -Dorg.slf4j.simpleLogger.showDateTime=true
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS")
  if [[ "$reuse" == reuse && -f "$STATE_DIR/server.properties" && -d "$STATE_DIR/data" ]]; then
    log "starting on the existing state dir $STATE_DIR"
  else
    rm -rf "$STATE_DIR"
    mkdir -p "$STATE_DIR/data"
    write_server_properties
    # A cluster id is 16 random bytes in URL-safe base64 without padding (what `random-uuid` prints).
    local cluster_id
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    if ! java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format \
        -t "$cluster_id" -c "$STATE_DIR/server.properties" >"$STATE_DIR/format.log" 2>&1; then
      cat "$STATE_DIR/format.log" >&2
      die "formatting the KRaft storage in $STATE_DIR/data failed"
    fi
  fi

  nohup java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$STATE_DIR/server.properties" \
    </dev/null >"$LOG_FILE" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  local deadline=$((SECONDS + START_TIMEOUT_S))
  until grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null && port_open "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "the broker exited during startup; log: $LOG_FILE"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_FILE" >&2 || true
      cmd_stop >/dev/null 2>&1 || true
      die "the broker was not ready after ${START_TIMEOUT_S}s"
    fi
    sleep 0.2
  done
  if [[ -n "${KAFKA_OWNER_PID:-}" ]]; then spawn_owner_watchdog "$KAFKA_OWNER_PID" "$pid"; fi
  log "Kafka ${KAFKA_VERSION} running (pid $pid), state dir $STATE_DIR"
  printf '%s:%s\n' "$HOST" "$PORT"
}

# `cmd_stop keep` leaves the state dir in place for `cmd_start reuse`.
cmd_stop() {
  local keep="${1:-}" pid
  if pid="$(broker_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT_S))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "no exit ${STOP_TIMEOUT_S}s after SIGTERM; sending SIGKILL to $pid"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    log "stopped (pid $pid)"
  else
    log "not running on port $PORT"
  fi
  if [[ "$keep" == keep ]]; then rm -f "$PID_FILE"; else rm -rf "$STATE_DIR"; fi
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    if port_open "$PORT"; then
      echo "running: pid $pid, bootstrap $HOST:$PORT, state dir $STATE_DIR"
      return 0
    fi
    echo "starting or unhealthy: pid $pid alive but $HOST:$PORT not accepting connections (log: $LOG_FILE)"
    return 1
  fi
  echo "not running on port $PORT"
  return 1
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart) cmd_stop keep; cmd_start reuse ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
