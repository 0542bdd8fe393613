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
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PROJECT="$REPO/services/opensearch"
POM="$PROJECT/pom.xml"
JAR="$PROJECT/target/hub-opensearch.jar"
MAIN_CLASS=hub.services.HubOpenSearch
BUILD_STATE="$REPO/.services/opensearch"
# One node per state folder: OPENSEARCH_STATE_DIR lets the tests run a second, throw-away node.
STATE="${OPENSEARCH_STATE_DIR:-$BUILD_STATE}"
CLASSPATH_FILE="$BUILD_STATE/classpath.txt"
PIDFILE="$STATE/pid"
PORTFILE="$STATE/port"
LOG="$STATE/log"
DATA="$STATE/data"
LOCK="$STATE/lock"

say() { printf 'opensearch.sh: %s\n' "$*"; }
die() { printf 'opensearch.sh: error: %s\n' "$*" >&2; exit 1; }

with_lock() {
    mkdir -p "$STATE"
    exec 9>"$LOCK"
    flock -w 600 9 || die "could not take $LOCK within 600 s"
}

url_for() { echo "http://127.0.0.1:$1"; }

# Prints the cluster health status (green/yellow/red) or nothing.
health() {
    curl -s --max-time 3 "$(url_for "$1")/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p' || true
}

pid_alive() {
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"
}

running_port() { cat "$PORTFILE" 2>/dev/null || echo "$PORT"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_build() {
    [ -f "$CLASSPATH_FILE" ] && [ -f "$JAR" ] || return 0
    [ "$POM" -nt "$CLASSPATH_FILE" ] && return 0
    if [ -n "$(find "$PROJECT/src" -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]; then return 0; fi
    # Every cached jar must still be in the local Maven repository.
    local entry
    IFS=':' read -r -a entries <"$CLASSPATH_FILE"
    for entry in "${entries[@]}"; do
        [ -f "$entry" ] || return 0
    done
    return 1
}

build() {
    command -v java >/dev/null 2>&1 || die "java not found (need a JDK 17 or newer on PATH)"
    need_build || return 0
    command -v mvn >/dev/null 2>&1 || die "mvn not found (install Maven, e.g. apt-get install maven)"
    mkdir -p "$BUILD_STATE"
    local out="$BUILD_STATE/build.log" t0=$SECONDS
    say "building with Maven (first run downloads OpenSearch into ~/.m2; this can take a few minutes)"
    local cmd=(mvn -B -q -Dstyle.color=never -f "$POM" package dependency:build-classpath "-Dmdep.outputFile=$CLASSPATH_FILE.tmp")
    if ! "${cmd[@]}" >"$out" 2>&1 9>&-; then
        echo "---- last lines of $out ----" >&2
        tail -n 40 "$out" >&2
        rm -f "$CLASSPATH_FILE.tmp"
        die "Maven build failed: '${cmd[*]}' (full output in $out)"
    fi
    [ -s "$CLASSPATH_FILE.tmp" ] || die "Maven wrote no class path to $CLASSPATH_FILE.tmp (see $out)"
    [ -f "$JAR" ] || die "Maven did not produce $JAR (see $out)"
    mv "$CLASSPATH_FILE.tmp" "$CLASSPATH_FILE"
    say "built in $((SECONDS - t0)) s"
}

cmd_start() {
    with_lock
    if pid_alive; then
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
    mkdir -p "$DATA" "$STATE/tmp"
    local t0=$SECONDS
    {
        echo
        echo "==== $(date -u '+%Y-%m-%dT%H:%M:%SZ') starting OpenSearch on 127.0.0.1:$PORT ===="
    } >>"$LOG"
    # setsid: own session, so the node outlives the calling shell and its job control.
    OPENSEARCH_PORT="$PORT" nohup setsid java \
        "-Xms$HEAP" "-Xmx$HEAP" \
        -XX:+UseG1GC -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$STATE/tmp" \
        -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dlog4j2.formatMsgNoLookups=true \
        -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
        "-Djava.io.tmpdir=$STATE/tmp" \
        -cp "$JAR:$(cat "$CLASSPATH_FILE")" "$MAIN_CLASS" "$DATA" \
        </dev/null >>"$LOG" 2>&1 9>&- &
    local pid=$!
    echo "$pid" >"$PIDFILE"
    echo "$PORT" >"$PORTFILE"
    local status=""
    while [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "---- last lines of $LOG ----" >&2
            tail -n 40 "$LOG" >&2
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
            echo "---- last lines of $LOG ----" >&2
            tail -n 40 "$LOG" >&2
            kill "$pid" 2>/dev/null || true
            rm -f "$PIDFILE" "$PORTFILE"
            die "OpenSearch was not healthy within $START_TIMEOUT s (last status: '${status:-no answer}'); see $LOG"
            ;;
    esac
    say "running: $(url_for "$PORT") (cluster hub-test, status $status, pid $pid, started in $((SECONDS - t0)) s; log $LOG, data $DATA)"
}

cmd_stop() {
    [ -d "$STATE" ] || { say "not running"; return 0; }
    with_lock
    if ! pid_alive; then
        rm -f "$PIDFILE" "$PORTFILE"
        say "not running"
        return 0
    fi
    local pid i
    pid="$(cat "$PIDFILE")"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "did not stop within 30 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for i in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    rm -f "$PIDFILE" "$PORTFILE"
    say "stopped"
}

cmd_status() {
    if pid_alive; then
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
