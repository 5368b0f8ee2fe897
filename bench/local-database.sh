# Sourced by the bench scripts: a throwaway local cluster in its own temp folder.
#   bench_home NAME         sets CRUDDUR_HOME (a new /tmp/cruddur-NAME-*) and work; call it before
#                           the cleanup trap, so that `cruddur local destroy` only ever meets this folder
#   start_local_database    `cruddur up --no-api` there; sets port, PGPASSWORD and CONNECTION_URL
#   destroy_local_database  `cruddur local destroy`, then the folder bench_home made (with work in it)
#   write_feed_sql FILE     the service's home feed query for pgbench
#   install_packages PKG... apt-get install the Debian packages that are missing
bench_home() {
  export CRUDDUR_HOME; CRUDDUR_HOME="$(mktemp -d "/tmp/cruddur-$1-XXXXXX")"
  work="$CRUDDUR_HOME/work"; mkdir -p "$work"
}

start_local_database() {
  echo "== database (a throwaway local cluster)"
  "$root/cruddur" up --no-api | grep -E "Seeded|Applied|Database"
  local state="$CRUDDUR_HOME/cluster.json"
  port=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Port"])' "$state")
  export PGPASSWORD; PGPASSWORD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Password"])' "$state")
  export CONNECTION_URL="postgresql://postgres:$PGPASSWORD@127.0.0.1:$port/cruddur"
}

destroy_local_database() {
  "$root/cruddur" local destroy >/dev/null 2>&1 || true
  rm -rf "$CRUDDUR_HOME"
}

# The service's own feed query (Sql/Activities/Home.sql) in the wrapper the service puts it in
# (Sql/Json/Page.sql), first page, limit 20: both files read as they are, nothing re-typed.
write_feed_sql() {
  local home
  home=$(grep -v '^--' "$root/src/Cruddur.Api/Sql/Activities/Home.sql" \
    | sed -e 's/@before_created_at/NULL::timestamptz/; s/@before_uuid/NULL::uuid/; s/@limit/:limit/')
  {
    echo '\set limit 20'
    grep -v '^--' "$root/src/Cruddur.Data/Sql/Json/Page.sql" | while IFS= read -r line; do
      if [ "$line" = "{query}" ]; then printf '%s\n' "$home"; else printf '%s\n' "$line"; fi
    done
    echo ";"
  } > "$1"
}

install_packages() {
  local need=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
  [ ${#need[@]} -eq 0 ] && return 0
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
}
