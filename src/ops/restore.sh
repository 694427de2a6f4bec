#!/usr/bin/env bash
# Restores a backup made by backup.sh into the data directory, with the service stopped. What is there now is kept
# aside as <part>.before-restore-<time>, never deleted.
#
#   src/ops/restore.sh [--data-dir DIR] FILE.tar.gz     (DIR: CASEGRID_DATA_DIR, default ./data)
set -euo pipefail

data_dir="${CASEGRID_DATA_DIR:-./data}"
if [ "${1:-}" = "--data-dir" ]; then data_dir="$2"; shift 2; fi
source_file="${1:?usage: restore.sh [--data-dir DIR] FILE.tar.gz}"
[ -f "$source_file" ] || { echo "restore: no backup at $source_file" >&2; exit 1; }

. "$(dirname "$0")/stopped.sh"
require_stopped "$data_dir"

mkdir -p "$data_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
for part in $(tar -tzf "$source_file" | cut -d/ -f1 | sort -u); do
  if [ -e "$data_dir/$part" ]; then
    mv "$data_dir/$part" "$data_dir/$part.before-restore-$stamp"
    echo "restore: kept the current $part as $data_dir/$part.before-restore-$stamp"
  fi
done
tar -xzf "$source_file" -C "$data_dir"
# PostgreSQL refuses a cluster that others can read
chmod 700 "$data_dir/postgres"
echo "restore: $source_file -> $data_dir; start the service"
