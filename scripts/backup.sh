#!/usr/bin/env bash
# Back up the hub: the PostgreSQL database (pg_dump, custom format) and the media files.
#
#   DATABASE_URL=postgres://... scripts/backup.sh DIR [MEDIA_ROOT]
#
# Writes DIR/hub.dump and DIR/media.tar.gz (MEDIA_ROOT defaults to ./media). The search index
# and the cache are not backed up: both are rebuilt from the database (docs/operations.md,
# "Backup and restore"). Safe while the hub runs: pg_dump reads one consistent snapshot.
set -euo pipefail

DIR="${1:?usage: scripts/backup.sh DIR [MEDIA_ROOT]}"
MEDIA="${2:-media}"
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database of the hub}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
source "$REPO/scripts/pg-tools.sh"

mkdir -p "$DIR"
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --dbname "$DATABASE_URL" --file "$DIR/hub.dump.tmp"
mv "$DIR/hub.dump.tmp" "$DIR/hub.dump"
if [ -d "$MEDIA" ]; then
    tar -czf "$DIR/media.tar.gz.tmp" -C "$MEDIA" .
else
    tar -czf "$DIR/media.tar.gz.tmp" --files-from /dev/null
fi
mv "$DIR/media.tar.gz.tmp" "$DIR/media.tar.gz"
echo "backup.sh: $DIR/hub.dump ($(du -h "$DIR/hub.dump" | cut -f1)), $DIR/media.tar.gz ($(du -h "$DIR/media.tar.gz" | cut -f1))"
