#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into an EMPTY database and a media folder.
#
#   DATABASE_URL=postgres://.../new_empty_db scripts/restore.sh DIR [MEDIA_ROOT]
#
# Then run `python manage.py migrate` (a no-op for a backup of the same version) and
# `python manage.py search_index rebuild`: the index is built from the restored pages.
set -euo pipefail

DIR="${1:?usage: scripts/restore.sh DIR [MEDIA_ROOT]}"
MEDIA="${2:-media}"
: "${DATABASE_URL:?DATABASE_URL must point at an empty PostgreSQL database}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
source "$REPO/scripts/pg-tools.sh"

[ -f "$DIR/hub.dump" ] || { echo "restore.sh: no $DIR/hub.dump" >&2; exit 1; }
tables="$("$(pg_tool psql)" --dbname "$DATABASE_URL" -Atc "select count(*) from pg_tables where schemaname = 'public'")"
if [ "$tables" != "0" ]; then
    echo "restore.sh: the target database is not empty ($tables tables); restore into a new database" >&2
    exit 1
fi
"$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --dbname "$DATABASE_URL" "$DIR/hub.dump"
mkdir -p "$MEDIA"
[ -f "$DIR/media.tar.gz" ] && tar -xzf "$DIR/media.tar.gz" -C "$MEDIA"
echo "restore.sh: restored $DIR into the database and $MEDIA; now: manage.py migrate && manage.py search_index rebuild"
