# Sourced by run.sh for --two-instances: IqosBot as two processes on one PostgreSQL and one Redis, behind nginx
# with the repository's configuration (deployment/nginx/iqosbot.conf.template), all started here on free
# loopback ports in $WORK and stopped by stop_two_instances. Needs PostgreSQL 15's server binaries, redis-server
# and nginx (Debian packages postgresql-15, redis-server, nginx). --postgres uses its PostgreSQL alone.
#
# Uses from run.sh: WORK, REPO, DRIVER, IQOSBOT_DLL.

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=""
PG_PORT=""
PG_PID=""
REDIS_PID=""
NGINX_PID=""
PROXY_PORT=""
BOT_A_PID=""
BOT_B_PID=""
SERVICE_PIDS=""

# as_postgres COMMAND...: PostgreSQL refuses to run as root; as root its commands run as the postgres user.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

two_instances_missing() {
  local missing=()
  [[ -x $PG_BIN/initdb ]] || missing+=("PostgreSQL 15 ($PG_BIN/initdb)")
  command -v redis-server >/dev/null 2>&1 || missing+=("redis-server")
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=("nginx")
  [[ ${#missing[@]} -eq 0 ]] || echo "${missing[*]}"
}

# start_postgres: a throwaway PostgreSQL cluster (no fsync: the numbers are the bot's, not the disk's), once for every
# mode that needs it (--postgres, --two-instances). Sets PG_PORT, PG_PID and SERVICE_PIDS.
start_postgres() {
  [[ -z $PG_DIR ]] || return 0
  # A folder of its own: as root the server runs as postgres, which cannot enter $WORK (mktemp's 0700).
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/iqosbot-bench-postgres.XXXXXX")"
  if [[ $(id -u) -eq 0 ]]; then chmod 755 "$PG_DIR"; chown postgres "$PG_DIR"; fi
  PG_PORT="$(dotnet "$DRIVER" free-port)"
  if ! as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-sync >"$WORK/postgres.log" 2>&1 ||
     ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
         -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off" start >>"$WORK/postgres.log" 2>&1; then
    echo "PostgreSQL did not start:"; tail -n 5 "$WORK/postgres.log" | sed 's/^/  | /'
    return 1
  fi
  PG_PID="$(head -n 1 "$PG_DIR/data/postmaster.pid")"
  SERVICE_PIDS="$PG_PID"
}

# fresh_database NAME: an empty database of that name; prints the bot's connection string to it.
fresh_database() {
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1" >&2
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"
}

# start_services: PostgreSQL and a Redis without persistence, for --two-instances. Sets REDIS_PORT and adds Redis to
# SERVICE_PIDS (nginx is added by start_two_instances).
start_services() {
  start_postgres || return 1
  REDIS_PORT="$(dotnet "$DRIVER" free-port)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  SERVICE_PIDS="$PG_PID,$REDIS_PID"
}

# start_two_instances KEY: a fresh database, two bots on it (A and B) and nginx in front; waits until both are
# ready. Sets BOT_A_PID, BOT_B_PID, PROXY_PORT, NGINX_PID and adds nginx to SERVICE_PIDS.
start_two_instances() {
  local key=$1 connection name port pid
  connection="$(fresh_database "iqosbot_$1")"
  local ports=()
  for name in A B; do
    port="$(dotnet "$DRIVER" free-port)"
    mkdir -p "$WORK/$key-$name"
    (cd "$(dirname "$IQOSBOT_DLL")" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$IQOSBOT_DLL" \
        --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning \
        "--Storage:Provider=Postgres" "--ConnectionStrings:Postgres=$connection" \
        "--ConnectionStrings:Redis=127.0.0.1:$REDIS_PORT" \
        "--Storage:Path=$WORK/$key-$name/iqosbot.db" "--Benefits:Sandbox:DatabasePath=$WORK/$key-$name/benefits-sandbox.db" \
        "--DirectLine:Secret=bench-two-instances-$key-secret-for-the-benchmark-only" "--RateLimits:Enabled=false" \
        "--Security:AllowAnonymous=true" "--Benefits:Sandbox:Enabled=true" >"$WORK/IqosBot-2-$key-$name.log" 2>&1) &
    pid=$!
    if [[ $name == A ]]; then BOT_A_PID=$pid; else BOT_B_PID=$pid; fi
    ports+=("$port")
  done

  # Each instance answers on its own before the proxy sends it customers (PostgreSQL migrated, Redis reached).
  for port in "${ports[@]}"; do
    for _ in $(seq 600); do
      curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
      sleep 0.2
    done
  done

  PROXY_PORT="$(dotnet "$DRIVER" free-port)"
  mkdir -p "$WORK/$key-nginx"
  sed -e "s/\${PROXY_PORT}/$PROXY_PORT/" -e "s/\${BOT_A}/127.0.0.1:${ports[0]}/" -e "s/\${BOT_B}/127.0.0.1:${ports[1]}/" \
    "$REPO/deployment/nginx/iqosbot.conf.template" >"$WORK/$key-nginx/nginx.conf"
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$WORK/$key-nginx/" -c "$WORK/$key-nginx/nginx.conf" -e stderr >"$WORK/$key-nginx.log" 2>&1 &
  NGINX_PID=$!
}

# stop_two_instances: the bots and nginx of the last start_two_instances.
stop_two_instances() {
  local pid
  for pid in $BOT_A_PID $BOT_B_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  # nginx's master takes its worker with it on TERM.
  [[ -n $NGINX_PID ]] && kill -TERM "$NGINX_PID" 2>/dev/null || true
  for pid in $BOT_A_PID $BOT_B_PID $NGINX_PID; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  BOT_A_PID="" BOT_B_PID="" NGINX_PID=""
}

stop_services() {
  stop_two_instances
  if [[ -n $REDIS_PID ]]; then kill -TERM "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
  if [[ -n $PG_DIR ]]; then
    [[ -f $PG_DIR/data/postmaster.pid ]] && { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; }
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}
