#!/usr/bin/env bash
# Cold backup of what the service keeps on disk in embedded mode: the PostgreSQL cluster (<data-dir>/postgres) and,
# when the service runs its own Keycloak, Keycloak's store (<data-dir>/keycloak). Stop the service first: a copy of a
# running cluster's files is not a backup. For an online backup use pg_dump (docs/operations.md).
#
#   src/ops/backup.sh [--data-dir DIR] FILE.tar.gz      (DIR: CASEGRID_DATA_DIR, default ./data)
set -euo pipefail

data_dir="${CASEGRID_DATA_DIR:-./data}"
if [ "${1:-}" = "--data-dir" ]; then data_dir="$2"; shift 2; fi
target="${1:?usage: backup.sh [--data-dir DIR] FILE.tar.gz}"

. "$(dirname "$0")/stopped.sh"
require_stopped "$data_dir"
[ -d "$data_dir/postgres" ] || { echo "backup: no cluster at $data_dir/postgres" >&2; exit 1; }

parts=(postgres)
[ -d "$data_dir/keycloak" ] && parts+=(keycloak)
mkdir -p "$(dirname "$target")"
tar -czf "$target.partial" -C "$data_dir" --exclude='keycloak/keycloak.pid' "${parts[@]}"
mv "$target.partial" "$target"
echo "backup: ${parts[*]} of $data_dir -> $target ($(du -h "$target" | cut -f1))"
