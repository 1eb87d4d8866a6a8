# pg.sh: start a throwaway PostgreSQL cluster for a test (sourced).
# After `pg_start`, $NE_PG_URI is a postgresql:// URI for it; the cluster is
# stopped and removed on exit.  Returns 77 (skip) when PostgreSQL is absent.
pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "skip: PostgreSQL server binaries not found (make deps installs postgresql)"
        return 77
    fi
    NE_PG_DIR=$(mktemp -d /tmp/ne-pg.XXXXXX)
    chmod 755 "$NE_PG_DIR"
    local run=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$NE_PG_DIR"
        run=(runuser -u postgres --)
    fi
    NE_PG_RUN=("${run[@]}")
    NE_PG_BIN=$bin
    "${run[@]}" "$bin/initdb" -D "$NE_PG_DIR/data" -A trust -U postgres >"$NE_PG_DIR/initdb.log" 2>&1 ||
        { cat "$NE_PG_DIR/initdb.log"; return 1; }
    local port=$((20000 + RANDOM % 20000))
    "${run[@]}" "$bin/pg_ctl" -D "$NE_PG_DIR/data" -l "$NE_PG_DIR/server.log" -w -t 30 \
        -o "-k $NE_PG_DIR -p $port -c listen_addresses='' -c fsync=off" start >/dev/null ||
        { cat "$NE_PG_DIR/server.log"; return 1; }
    trap pg_stop EXIT
    NE_PG_URI="postgresql:///postgres?host=$NE_PG_DIR&port=$port&user=postgres"
    export NE_PG_URI
}

pg_stop() {
    [ -n "${NE_PG_DIR:-}" ] || return 0
    "${NE_PG_RUN[@]}" "$NE_PG_BIN/pg_ctl" -D "$NE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$NE_PG_DIR"
    NE_PG_DIR=
}

# A fresh empty database on the running cluster; prints its URI.
pg_new_db() {
    local name=$1
    "${NE_PG_RUN[@]}" "$NE_PG_BIN/createdb" -h "$NE_PG_DIR" -p "${NE_PG_URI##*port=}" -U postgres "$name" 2>/dev/null ||
        "${NE_PG_RUN[@]}" "$NE_PG_BIN/createdb" -h "$NE_PG_DIR" -p "$(echo "$NE_PG_URI" | sed 's/.*port=\([0-9]*\).*/\1/')" -U postgres "$name"
    echo "postgresql:///$name?host=$NE_PG_DIR&port=$(echo "$NE_PG_URI" | sed 's/.*port=\([0-9]*\).*/\1/')&user=postgres"
}
