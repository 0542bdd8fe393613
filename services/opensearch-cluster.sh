#!/usr/bin/env bash
# A three-node OpenSearch cluster ("hub-cluster") on this machine: three JVMs of one node each,
# for the tests and the benchmark that take a node away. See docs/services.md, "Cluster".
#
#   services/opensearch-cluster.sh start          start the nodes that are down, wait for green
#   services/opensearch-cluster.sh stop           stop every node (SIGTERM, SIGKILL after 30 s)
#   services/opensearch-cluster.sh status         one line per node; exit 0 when all three run
#   services/opensearch-cluster.sh url            the three base URLs, comma-separated (SEARCH_URL)
#   services/opensearch-cluster.sh kill N         SIGKILL node N (1-3): a real death, no clean close
#   services/opensearch-cluster.sh start-node N   start node N again and wait until it has joined
#   services/opensearch-cluster.sh health         the cluster's health as one node sees it
#   services/opensearch-cluster.sh reset          stop and delete the cluster's data
#
# Node N: HTTP 127.0.0.1:$((9210 + N)), transport 127.0.0.1:$((9310 + N)), name hub-node-N, every
# role (cluster_manager, data, ingest). State in .services/opensearch-cluster/node-N/ (pid, log,
# data/). The jar and class path are the single node's (services/opensearch.sh), built once.
set -euo pipefail

HEAP="${OPENSEARCH_HEAP:-512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
HTTP_BASE="${OPENSEARCH_CLUSTER_HTTP_BASE:-9210}"
TRANSPORT_BASE="${OPENSEARCH_CLUSTER_TRANSPORT_BASE:-9310}"
NODES=(1 2 3)
CLUSTER_NAME=hub-cluster
SCRIPT_NAME=opensearch-cluster.sh
# shellcheck source=services/opensearch-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/opensearch-lib.sh"
STATE="$OS_REPO/.services/opensearch-cluster"
LOCK="$STATE/lock"

http_port() { echo $((HTTP_BASE + $1)); }
transport_port() { echo $((TRANSPORT_BASE + $1)); }
node_name() { echo "hub-node-$1"; }
node_state() { echo "$STATE/node-$1"; }
node_pidfile() { echo "$STATE/node-$1/pid"; }

# Refuses to start node $1 on a port another process holds (checked before any node starts).
ports_free() {
    if port_busy "$(http_port "$1")" || port_busy "$(transport_port "$1")"; then
        die "port $(http_port "$1") or $(transport_port "$1") on 127.0.0.1 is in use by another process (node $1)"
    fi
}

# Stops the nodes this call started, then fails with the message $1.
abandon() {
    local n
    for n in "${STARTED[@]}"; do
        pid_alive "$(node_pidfile "$n")" && stop_node "$(node_pidfile "$n")"
        rm -f "$(node_pidfile "$n")"
    done
    die "$1"
}

check_node() {
    case "${1:-}" in 1|2|3) ;; *) echo "usage: $0 $2 {1|2|3}" >&2; exit 2 ;; esac
}

all_urls() {
    local n urls=()
    for n in "${NODES[@]}"; do urls+=("$(url_for "$(http_port "$n")")"); done
    (IFS=,; echo "${urls[*]}")
}

# Health JSON from the first node that answers (any node can say how the cluster is).
cluster_health_json() {
    local n query="${1:-}"
    for n in "${NODES[@]}"; do
        if curl -sf --max-time "${2:-3}" "$(url_for "$(http_port "$n")")/_cluster/health$query" 2>/dev/null; then
            return 0
        fi
    done
    return 1
}

json_field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([a-z0-9_]*\)\"\{0,1\}[,}].*/\1/p"; }

launch() {
    local n="$1" seeds=() m managers=()
    for m in "${NODES[@]}"; do
        seeds+=("127.0.0.1:$(transport_port "$m")")
        managers+=("$(node_name "$m")")
    done
    OPENSEARCH_CLUSTER_NAME="$CLUSTER_NAME" \
    OPENSEARCH_NODE_NAME="$(node_name "$n")" \
    OPENSEARCH_TRANSPORT_PORT="$(transport_port "$n")" \
    OPENSEARCH_SEED_HOSTS="$(IFS=,; echo "${seeds[*]}")" \
    OPENSEARCH_INITIAL_MANAGERS="$(IFS=,; echo "${managers[*]}")" \
        launch_node "$(node_state "$n")" "$HEAP" "$(http_port "$n")"
    say "node $n starting (pid $LAUNCHED_PID, $(url_for "$(http_port "$n")"), log $(node_state "$n")/log)"
}

# wait_until DESCRIPTION CHECK...: runs CHECK each second until it succeeds or the start timeout
# passes; fails with the nodes' logs when a node we started dies on the way.
wait_until() {
    local what="$1" t0=$SECONDS n
    shift
    while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
        "$@" && return 0
        for n in "${STARTED[@]}"; do
            if ! pid_alive "$(node_pidfile "$n")"; then
                tail_log "$(node_state "$n")/log"
                abandon "node $n exited during start-up (see $(node_state "$n")/log)"
            fi
        done
        sleep 1
    done
    for n in "${STARTED[@]}"; do tail_log "$(node_state "$n")/log"; done
    abandon "the cluster was not $what within $START_TIMEOUT s: $(cluster_health_json || echo 'no node answers')"
}

is_green_with_all() {
    local json
    json="$(cluster_health_json "?wait_for_status=green&wait_for_nodes=${#NODES[@]}&timeout=1s")" || return 1
    [ "$(json_field status <<<"$json")" = green ] && [ "$(json_field number_of_nodes <<<"$json")" = "${#NODES[@]}" ]
}

node_joined() {
    local json
    json="$(curl -sf --max-time 3 "$(url_for "$(http_port "$1")")/_cluster/health?local=false" 2>/dev/null)" || return 1
    [ "$(json_field number_of_nodes <<<"$json")" = "${#NODES[@]}" ]
}

cmd_start() {
    with_lock "$LOCK"
    build
    local n t0=$SECONDS down=()
    STARTED=()
    for n in "${NODES[@]}"; do
        pid_alive "$(node_pidfile "$n")" && continue
        rm -f "$(node_pidfile "$n")"
        ports_free "$n"
        down+=("$n")
    done
    for n in "${down[@]}"; do
        launch "$n"
        STARTED+=("$n")
    done
    wait_until "green with ${#NODES[@]} nodes" is_green_with_all
    say "running: $(all_urls) (cluster $CLUSTER_NAME, green, ${#STARTED[@]} node(s) started in $((SECONDS - t0)) s)"
}

cmd_start_node() {
    check_node "${1:-}" start-node
    with_lock "$LOCK"
    build
    local t0=$SECONDS
    STARTED=()
    if pid_alive "$(node_pidfile "$1")"; then
        say "node $1 already running (pid $(cat "$(node_pidfile "$1")"))"
        return 0
    fi
    rm -f "$(node_pidfile "$1")"
    ports_free "$1"
    launch "$1"
    STARTED=("$1")
    wait_until "joined by node $1" node_joined "$1"
    say "node $1 joined in $((SECONDS - t0)) s; cluster status $(cluster_health_json | json_field status)"
}

cmd_kill() {
    check_node "${1:-}" kill
    local pidfile pid i
    pidfile="$(node_pidfile "$1")"
    if ! pid_alive "$pidfile"; then
        say "node $1 is not running"
        return 0
    fi
    pid="$(cat "$pidfile")"
    kill -KILL "$pid"
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    rm -f "$pidfile"
    say "node $1 killed (SIGKILL to pid $pid)"
}

cmd_stop() {
    [ -d "$STATE" ] || { say "not running"; return 0; }
    with_lock "$LOCK"
    local n
    for n in "${NODES[@]}"; do
        if pid_alive "$(node_pidfile "$n")"; then
            stop_node "$(node_pidfile "$n")" &
        fi
    done
    wait
    for n in "${NODES[@]}"; do rm -f "$(node_pidfile "$n")"; done
    say "stopped"
}

cmd_status() {
    local n running=0
    for n in "${NODES[@]}"; do
        if pid_alive "$(node_pidfile "$n")"; then
            running=$((running + 1))
            say "node $n running: $(url_for "$(http_port "$n")") (pid $(cat "$(node_pidfile "$n")"), status $(health "$(http_port "$n")"))"
        else
            say "node $n not running"
        fi
    done
    [ "$running" = "${#NODES[@]}" ] || return 3
}

cmd_health() {
    cluster_health_json "?pretty" || { say "no node answers"; return 3; }
}

cmd_reset() {
    cmd_stop
    rm -rf "$STATE"
    say "reset: cluster data deleted"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) all_urls ;;
    kill) cmd_kill "${2:-}" ;;
    start-node) cmd_start_node "${2:-}" ;;
    health) cmd_health ;;
    reset) cmd_reset ;;
    *) echo "usage: $0 {start|stop|status|url|kill N|start-node N|health|reset}" >&2; exit 2 ;;
esac
