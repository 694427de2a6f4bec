# Sourced by backup.sh and restore.sh: refuses to go on while the embedded PostgreSQL or Keycloak of a data directory
# runs (their pid files name a live process).
require_stopped() {
  local dir="$1" pid
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    pid="$(head -n 1 "$dir/postgres/postmaster.pid")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      echo "The embedded PostgreSQL of $dir is running (pid $pid): stop the service first," \
           "or take an online backup with pg_dump (docs/operations.md)." >&2
      exit 2
    fi
  fi
  if [ -f "$dir/keycloak/keycloak.pid" ]; then
    pid="$(cat "$dir/keycloak/keycloak.pid")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      echo "The Keycloak of $dir is running (pid $pid): stop the service first." >&2
      exit 2
    fi
  fi
}
