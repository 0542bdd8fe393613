#!/usr/bin/env bash
# Single-node OpenSearch (cluster "hub-test") for tests and development, on the machine's JDK.
#
#   services/opensearch.sh start    build once (Maven), start in the background, wait for yellow/green
#   services/opensearch.sh stop     stop it (SIGTERM, then SIGKILL after 30 s)
#   services/opensearch.sh status   exit 0 when running
#   services/opensearch.sh url      print the base URL
#   services/opensearch.sh reset    stop it and delete its data and build cache
#
# HTTP on 127.0.0.1:${OPENSEARCH_PORT:-9200}. State lives in .services/opensearch/ of the
# repository (classpath cache, pid, log, data/), or in $OPENSEARCH_STATE_DIR for another node
# (the build cache stays shared). See docs/services.md.
set -euo pipefail

PORT="${OPENSEARCH_PORT:-9200}"
HEAP="${OPENSEARCH_HEAP:-1g}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
SCRIPT_NAME=opensearch.sh
# shellcheck source=services/opensearch-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/opensearch-lib.sh"
# One node per state folder: OPENSEARCH_STATE_DIR lets the tests run a second, throw-away node.
STATE="${OPENSEARCH_STATE_DIR:-$OS_BUILD_STATE}"
PIDFILE="$STATE/pid"
PORTFILE="$STATE/port"
LOG="$STATE/log"
DATA="$STATE/data"
LOCK="$STATE/lock"

running_port() { cat "$PORTFILE" 2>/dev/null || echo "$PORT"; }

cmd_start() {
    with_lock "$LOCK"
    if pid_alive "$PIDFILE"; then
        local p; p="$(running_port)"
        [ "$p" = "$PORT" ] || say "warning: already running on port $p, not $PORT (stop it first to change the port)"
        say "already running: $(url_for "$p") (pid $(cat "$PIDFILE"))"
        return 0
    fi
    rm -f "$PIDFILE" "$PORTFILE"
    if port_busy "$PORT"; then
        die "port $PORT on 127.0.0.1 is already in use by another process; stop it or set OPENSEARCH_PORT"
    fi
    build
    local t0=$SECONDS
    # Single-node discovery: whatever cluster settings the caller's environment holds are not ours.
    unset OPENSEARCH_SEED_HOSTS OPENSEARCH_INITIAL_MANAGERS OPENSEARCH_NODE_NAME OPENSEARCH_CLUSTER_NAME
    launch_node "$STATE" "$HEAP" "$PORT"
    local pid=$LAUNCHED_PID
    echo "$PORT" >"$PORTFILE"
    local status=""
    while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail_log "$LOG"
            rm -f "$PIDFILE" "$PORTFILE"
            die "OpenSearch exited during start-up (see $LOG)"
        fi
        status="$(health "$PORT")"
        case "$status" in green|yellow) break ;; esac
        sleep 1
    done
    case "$status" in
        green|yellow) ;;
        *)
            tail_log "$LOG"
            kill "$pid" 2>/dev/null || true
            rm -f "$PIDFILE" "$PORTFILE"
            die "OpenSearch was not healthy within $START_TIMEOUT s (last status: '${status:-no answer}'); see $LOG"
            ;;
    esac
    say "running: $(url_for "$PORT") (cluster hub-test, status $status, pid $pid, started in $((SECONDS - t0)) s; log $LOG, data $DATA)"
}

cmd_stop() {
    [ -d "$STATE" ] || { say "not running"; return 0; }
    with_lock "$LOCK"
    if ! pid_alive "$PIDFILE"; then
        rm -f "$PIDFILE" "$PORTFILE"
        say "not running"
        return 0
    fi
    stop_node "$PIDFILE"
    rm -f "$PORTFILE"
    say "stopped"
}

cmd_status() {
    if pid_alive "$PIDFILE"; then
        local p; p="$(running_port)"
        say "running: $(url_for "$p") (pid $(cat "$PIDFILE"), status $(health "$p" || true))"
        return 0
    fi
    say "not running"
    return 3
}

cmd_reset() {
    cmd_stop
    rm -rf "$STATE"
    say "reset: data and build cache deleted"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) url_for "$PORT" ;;
    reset) cmd_reset ;;
    *) echo "usage: $0 {start|stop|status|url|reset}" >&2; exit 2 ;;
esac
