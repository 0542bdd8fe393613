#!/usr/bin/env bash
# Private PostgreSQL cluster for tests and development.
#
#   services/postgres.sh start    create (once) and start the cluster, role "hub", database "hub"
#   services/postgres.sh stop     stop it
#   services/postgres.sh status   exit 0 when running
#   services/postgres.sh url      print the connection URL
#   services/postgres.sh reset    stop it and delete its data
#
# Listens on 127.0.0.1:${HUB_PG_PORT:-54329} only. State lives in .services/postgres/ of the
# repository (data/, run/ for the unix socket, log). See docs/services.md.
set -euo pipefail

PORT="${HUB_PG_PORT:-54329}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES="$REPO/.services"
LINK="$SERVICES/postgres"          # the state dir, or a symlink to it (see pick_state_dir)
LOCK="$SERVICES/postgres.lock"
SUPERUSER=postgres                  # name of the cluster's superuser (not the OS user)

say() { printf 'postgres.sh: %s\n' "$*"; }
die() { printf 'postgres.sh: error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

find_bindir() {
    if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then
        echo "$PG_BINDIR"; return 0
    fi
    local d best=""
    # Highest installed major version of Debian's layout.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n); do
        [ -x "$d/initdb" ] && best="$d"
    done
    if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        [ -n "$d" ] && [ -x "$d/initdb" ] && best="$d"
    fi
    [ -n "$best" ] && echo "$best"
}

ensure_installed() {
    BIN="$(find_bindir || true)"
    if [ -z "$BIN" ]; then
        is_root || die "PostgreSQL server binaries (initdb) not found and not running as root; install the 'postgresql' package (Debian: sudo apt-get install postgresql) or set PG_BINDIR"
        say "installing PostgreSQL with apt-get (one time)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null || die "apt-get update failed"
        apt-get install -y -q postgresql >/dev/null || die "apt-get install -y postgresql failed"
        BIN="$(find_bindir || true)"
        [ -n "$BIN" ] || die "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /var/lib/postgresql --shell /bin/bash postgres \
            || die "could not create the 'postgres' OS user"
    fi
}

# The OS user the server runs as: PostgreSQL refuses to run as root.
os_user() {
    if is_root; then echo postgres; else id -un; fi
}

# Run a command as the cluster's OS user.
as_owner() {
    if is_root; then
        # From /: the caller's directory may be closed to the postgres user (all paths are absolute).
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
        fi
    else
        "$@"
    fi
}

path_hash() { printf '%s' "$REPO" | sha1sum | cut -c1-12; }

# Decide where the cluster's files live (sets STATE, DATA, RUN, LOG).
# Normally $REPO/.services/postgres. When running as root and the postgres OS user
# cannot reach the repository (e.g. it is under /root, mode 700), the state goes to
# /tmp/hub-postgres-<hash of repo path> and .services/postgres becomes a symlink to it.
pick_state_dir() {
    mkdir -p "$SERVICES"
    if [ -L "$LINK" ]; then
        STATE="$(readlink "$LINK")"
    elif [ -d "$LINK" ]; then
        STATE="$LINK"
    else
        STATE=""
    fi
    if [ -z "$STATE" ]; then
        if is_root; then
            # Directories inside the repo are ours: make them traversable.
            chmod o+x "$SERVICES" 2>/dev/null || true
            if runuser -u postgres -- test -x "$SERVICES" 2>/dev/null; then
                STATE="$LINK"
            else
                STATE="/tmp/hub-postgres-$(path_hash)"
                # A fresh link means .services was reset: drop a stale, stopped cluster.
                if [ -d "$STATE/data" ] && ! as_owner "$BIN/pg_ctl" status -D "$STATE/data" >/dev/null 2>&1; then
                    rm -rf "$STATE"
                fi
                ln -sfn "$STATE" "$LINK"
            fi
        else
            STATE="$LINK"
        fi
    fi
    mkdir -p "$STATE"
    if is_root; then
        chown postgres: "$STATE"
        chmod 700 "$STATE"
    fi
    DATA="$STATE/data"
    LOG="$STATE/log"
    RUN="$STATE/run"
    # Unix socket paths are limited to ~107 bytes.
    if [ $(( ${#RUN} + 20 )) -gt 100 ]; then
        RUN="/tmp/hub-postgres-run-$(path_hash)"
    fi
    as_owner mkdir -p "$RUN"
    as_owner chmod 700 "$RUN"
}

# Paths without creating anything (for stop/status/url on a machine with no cluster yet).
peek_state_dir() {
    DATA=""; STATE=""
    if [ -L "$LINK" ]; then STATE="$(readlink "$LINK")"; elif [ -d "$LINK" ]; then STATE="$LINK"; fi
    [ -n "$STATE" ] || return 1
    DATA="$STATE/data"; LOG="$STATE/log"; RUN="$STATE/run"
    if [ $(( ${#RUN} + 20 )) -gt 100 ]; then RUN="/tmp/hub-postgres-run-$(path_hash)"; fi
    [ -f "$DATA/PG_VERSION" ]
}

running() {
    [ -n "${DATA:-}" ] && [ -f "$DATA/postmaster.pid" ] || return 1
    as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true; }

with_lock() {
    mkdir -p "$SERVICES"
    exec 9>"$LOCK"
    flock -w 300 9 || die "could not take $LOCK within 300 s"
}

init_cluster() {
    say "creating cluster in $DATA"
    local locale_opt=(--no-locale)
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_opt=(--locale=C.UTF-8); fi
    if ! as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -E UTF8 "${locale_opt[@]}" \
            --auth-local=trust --auth-host=scram-sha-256 >"$STATE/initdb.log" 2>&1; then
        cat "$STATE/initdb.log" >&2
        as_owner rm -rf "$DATA"
        die "initdb failed (output above)"
    fi
    as_owner sh -c "cat >> '$DATA/postgresql.conf'" <<'EOF'

# --- gemeente content hub test cluster (services/postgres.sh) ---
# Speed over durability: this cluster holds throw-away test data only.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
EOF
}

psql_super() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U "$SUPERUSER" -d postgres "$@"
}

provision() {
    psql_super >/dev/null <<'EOF'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hub') THEN
        CREATE ROLE hub LOGIN CREATEDB PASSWORD 'hub';
    ELSE
        ALTER ROLE hub LOGIN CREATEDB PASSWORD 'hub';
    END IF;
END
$$;
EOF
    if [ "$(psql_super -At -c "SELECT 1 FROM pg_database WHERE datname = 'hub'")" != "1" ]; then
        psql_super -c "CREATE DATABASE hub OWNER hub" >/dev/null
    fi
}

cmd_start() {
    ensure_installed
    with_lock
    pick_state_dir
    if running; then
        local p; p="$(running_port)"
        if [ -n "$p" ] && [ "$p" != "$PORT" ]; then
            say "warning: already running on port $p, not $PORT (stop it first to change the port)"
        fi
        say "already running: $(PORT="${p:-$PORT}" cmd_url)"
        return 0
    fi
    [ -f "$DATA/PG_VERSION" ] || init_cluster
    as_owner touch "$LOG"
    local t0=$SECONDS
    if ! as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN" >/dev/null 2>&1 9>&-; then
        echo "---- last lines of $LOG ----" >&2
        tail -n 20 "$LOG" >&2 || true
        die "PostgreSQL did not start (port $PORT in use? see $LOG)"
    fi
    local i
    for i in $(seq 1 60); do
        "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
        sleep 0.5
    done
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || die "server started but does not accept connections on 127.0.0.1:$PORT"
    provision
    say "running: $(cmd_url)  (data: $DATA, log: $LOG, $((SECONDS - t0)) s)"
}

cmd_stop() {
    BIN="$(find_bindir || true)"
    if [ -z "$BIN" ] || ! peek_state_dir; then say "not running (no cluster)"; return 0; fi
    with_lock
    if ! running; then say "not running"; return 0; fi
    as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null
    say "stopped"
}

cmd_status() {
    BIN="$(find_bindir || true)"
    if [ -n "$BIN" ] && peek_state_dir && running; then
        say "running: $(PORT="$(running_port)" cmd_url)  (data: $DATA)"
        return 0
    fi
    say "not running"
    return 3
}

cmd_url() { echo "postgres://hub:hub@127.0.0.1:${PORT}/hub"; }

cmd_reset() {
    cmd_stop
    if [ -L "$LINK" ]; then rm -rf "$(readlink "$LINK")"; fi
    rm -rf "$LINK" "$LOCK" "/tmp/hub-postgres-run-$(path_hash)"
    say "reset: data deleted"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    reset) cmd_reset ;;
    *) echo "usage: $0 {start|stop|status|url|reset}" >&2; exit 2 ;;
esac
