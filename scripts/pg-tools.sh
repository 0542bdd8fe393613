# Sourced by scripts/backup.sh and scripts/restore.sh: the PostgreSQL client tools of the newest
# installed version (Debian keeps them in /usr/lib/postgresql/<version>/bin), or those on PATH.
pg_tool() {
    local name="$1" dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }
    done
    command -v "$name" || { echo "PostgreSQL's $name is not installed (apt-get install postgresql-client)" >&2; return 1; }
}
