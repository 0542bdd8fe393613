#!/usr/bin/env bash
# Private Redis for tests, benchmarks and a multi-instance set-up on one machine.
#
#   services/redis.sh start    install Debian's redis-server when missing (as root), start it
#   services/redis.sh stop     stop it
#   services/redis.sh status   exit 0 when running
#   services/redis.sh url      print the cache URL (redis://127.0.0.1:PORT/0)
#   services/redis.sh reset    stop it and delete its state
#
# Listens on 127.0.0.1:${HUB_REDIS_PORT:-6390} only, no persistence (it is a cache: every key can
# be rebuilt). State lives in .services/redis/ of the repository (pid, log, config), or in
# $HUB_REDIS_STATE_DIR. See docs/services.md and docs/operations.md.
set -euo pipefail

PORT="${HUB_REDIS_PORT:-6390}"
MAXMEMORY="${HUB_REDIS_MAXMEMORY:-256mb}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE="${HUB_REDIS_STATE_DIR:-$REPO/.services/redis}"
PIDFILE="$STATE/redis.pid"
LOG="$STATE/log"
CONF="$STATE/redis.conf"
LOCK="$STATE/lock"

say() { printf 'redis.sh: %s\n' "$*"; }
die() { printf 'redis.sh: error: %s\n' "$*" >&2; exit 1; }

url() { echo "redis://127.0.0.1:$PORT/0"; }

with_lock() {
    mkdir -p "$STATE"
    exec 9>"$LOCK"
    flock -w 300 9 || die "could not take $LOCK within 300 s"
}

server_bin() {
    command -v redis-server 2>/dev/null || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; } || true
}

install_redis() {
    [ -n "$(server_bin)" ] && return 0
    [ "$(id -u)" -eq 0 ] || die "redis-server is missing: sudo apt-get install redis-server"
    say "installing Debian's redis-server"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >"$STATE/apt.log" 2>&1 ||
        { apt-get update -q >>"$STATE/apt.log" 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >>"$STATE/apt.log" 2>&1; } ||
        die "apt-get install redis-server failed (see $STATE/apt.log)"
    # Debian starts its own system-wide instance on 6379; ours is separate and leaves it alone.
}

ping() {
    local cli
    cli="$(command -v redis-cli 2>/dev/null || true)"
    if [ -n "$cli" ]; then
        [ "$("$cli" -h 127.0.0.1 -p "$PORT" ping 2>/dev/null || true)" = "PONG" ]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null
    fi
}

pid_alive() {
    [ -f "$PIDFILE" ] || return 1
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

cmd_start() {
    with_lock
    if pid_alive && ping; then
        say "already running: $(url) (pid $(cat "$PIDFILE"))"
        return 0
    fi
    install_redis
    if ping; then
        die "port $PORT on 127.0.0.1 is already in use by another Redis; stop it or set HUB_REDIS_PORT"
    fi
    cat >"$CONF" <<EOF
bind 127.0.0.1
port $PORT
protected-mode yes
daemonize yes
pidfile $PIDFILE
logfile $LOG
dir $STATE
save ""
appendonly no
maxmemory $MAXMEMORY
maxmemory-policy allkeys-lru
EOF
    "$(server_bin)" "$CONF" 9>&- || die "redis-server did not start (see $LOG)"
    local i
    for i in $(seq 1 50); do
        ping && { say "running: $(url) (pid $(cat "$PIDFILE" 2>/dev/null), maxmemory $MAXMEMORY)"; return 0; }
        sleep 0.1
    done
    tail -n 20 "$LOG" >&2 || true
    die "Redis did not answer on port $PORT within 5 s (see $LOG)"
}

cmd_stop() {
    [ -d "$STATE" ] || { say "not running"; return 0; }
    with_lock
    if ! pid_alive; then
        rm -f "$PIDFILE"
        say "not running"
        return 0
    fi
    local pid i
    pid="$(cat "$PIDFILE")"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
    say "stopped"
}

cmd_status() {
    if pid_alive && ping; then
        say "running: $(url) (pid $(cat "$PIDFILE"))"
        return 0
    fi
    say "not running"
    return 3
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) url ;;
    reset) cmd_stop; rm -rf "$STATE"; say "reset" ;;
    *) echo "usage: $0 {start|stop|status|url|reset}" >&2; exit 2 ;;
esac
