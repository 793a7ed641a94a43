#!/usr/bin/env bash
# Benchmarks IqosBot beside a bare C# SDK bot and a JavaScript SDK bot on this machine, in one run; see bench/README.md.
#
#   bench/run.sh                                  the full benchmark: four scenarios, three bots
#   bench/run.sh --conversations 20 --turns 5     options after the scenario's own go to the driver
#   bench/run.sh --baseline-only ...              check the harness without building IqosBot
#   bench/run.sh --no-js ...                      without the JavaScript SDK bot (it needs node and npm)
#   bench/run.sh --two-instances ...              also IqosBot as two instances on PostgreSQL and Redis behind nginx
#   bench/run.sh --directline ...                 also IqosBot over Direct Line as Web Chat talks to it, beside /api/messages
#   bench/run.sh --postgres ...                   also IqosBot with its stores on PostgreSQL, beside the same on SQLite
#
# Exits 0 whenever the benchmark ran to its end, whatever it measured (it reports, it does not gate);
# non-zero only when the harness itself (the C# baseline bot or the driver) could not run.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
# Everything builds here, so the bench never shares bin/ or obj/ with a developer's own builds.
ARTIFACTS="$BENCH/.artifacts"
DRIVER="$ARTIFACTS/bin/LoadDriver/release/LoadDriver.dll"
BASELINE_DLL="$ARTIFACTS/bin/BaselineBot/release/BaselineBot.dll"
IQOSBOT_DLL="$ARTIFACTS/bin/IqosBot.Bot/release/IqosBot.Bot.dll"
# Not built: run by node from its folder, its packages installed there by npm ci (node_modules/ is ignored by git).
JSBOT_DIR="$BENCH/JsBot"
JSBOT_MAIN="$JSBOT_DIR/index.js"

# The scenarios: scenario KEY sets TITLE, SCENARIO (the driver options that make it; the caller's come after)
# and TARGETS (IqosBot's, from issue #17 for (c) and (d)). (c) and (d) have (a)'s load with realistic scripts:
# FAQ card answers, and the registration's steps.
SCENARIOS=(a b c d)
scenario() {
  case $1 in
    a) TITLE="(a) saturation: CPU per turn"
       SCENARIO=(--conversations 50 --turns 20 --think-ms 0 --rounds 5 --script mixed)
       TARGETS=(--target-cpu-us 500) ;;
    b) TITLE="(b) customers who think: latency"
       SCENARIO=(--conversations 200 --turns 10 --think-ms 100 --rounds 5 --script mixed)
       TARGETS=(--target-p99-ms 10) ;;
    c) TITLE="(c) FAQ answers at saturation: CPU per turn"
       SCENARIO=(--conversations 50 --turns 20 --think-ms 0 --rounds 5 --script faq)
       TARGETS=(--target-cpu-us 450) ;;
    d) TITLE="(d) registration steps at saturation: CPU per turn"
       SCENARIO=(--conversations 50 --turns 20 --think-ms 0 --rounds 5 --script registration)
       TARGETS=(--target-cpu-us 450) ;;
  esac
}
# Direct Line (the website's path) is held to the cost of /api/messages measured in the same run (issue #17).
TARGET_DIRECTLINE=(--target-cpu-ratio 1.3)
# And with its stores on PostgreSQL, bot and database together, to 1.5 times the same bot on SQLite (issue #17).
TARGET_POSTGRES=(--target-cpu-ratio 1.5)

# Bounds: each driver run caps itself (--max-seconds); timeout(1) is the backstop should it hang.
DRIVER_MAX_SECONDS=300
# Two instances on PostgreSQL and Redis answer a fraction of what one SQLite instance does on these two cores:
# their warm-up alone takes minutes, and scenario (b) outruns them (its errors and latency are the result).
TWO_INSTANCES_MAX_SECONDS=900
BUILD_MAX_SECONDS=600
# npm ci downloads about 200 packages the first time.
INSTALL_MAX_SECONDS=600

BASELINE_ONLY=false
NO_JS=false
TWO_INSTANCES=false
DIRECTLINE=false
POSTGRES=false
DRIVER_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --baseline-only) BASELINE_ONLY=true ;;
    --no-js) NO_JS=true ;;
    --two-instances) TWO_INSTANCES=true ;;
    --directline) DIRECTLINE=true ;;
    --postgres) POSTGRES=true ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) DRIVER_ARGS+=("$arg") ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/iqosbot-bench.XXXXXX")"
BOT_PID=""
CHILD_PID=""

stop_bot() {
  [[ -n "$BOT_PID" ]] || return 0
  kill -TERM "$BOT_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$BOT_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$BOT_PID" 2>/dev/null || true
  wait "$BOT_PID" 2>/dev/null || true
  BOT_PID=""
}
# shellcheck source=bench/two-instances.sh
source "$BENCH/two-instances.sh"

cleanup() {
  if [[ -n "$CHILD_PID" ]]; then kill -TERM "$CHILD_PID" 2>/dev/null || true; wait "$CHILD_PID" 2>/dev/null || true; fi
  stop_bot
  stop_services
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

section() { printf '\n== %s\n' "$*"; }

# The bots' names in the tables (their files and logs go by NAME).
label() {
  case $1 in
    baseline) echo "C# SDK" ;;
    JsBot) echo "JS SDK" ;;
    *) echo "$1" ;;
  esac
}

# A child that handled Ctrl-C or a TERM itself exits 130 or 143 rather than dying of the signal, and then
# bash does not run the INT/TERM trap: stop here ourselves, so the EXIT trap cleans up at once.
stop_if_interrupted() { if [[ $1 -eq 130 || $1 -eq 143 ]]; then echo "interrupted"; exit "$1"; fi; }

# run_bounded SECONDS COMMAND...: runs COMMAND under a time limit and returns its status. In the
# background and waited for, because bash holds a trap back until a foreground command has ended.
run_bounded() {
  local seconds=$1 status=0
  shift
  timeout "$seconds" "$@" &
  CHILD_PID=$!
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  return "$status"
}

# build PROJECT NAME: Release build into the artifacts folder; on failure shows the errors and returns 1.
build() {
  local log="$WORK/build-$2.log" status=0
  run_bounded "$BUILD_MAX_SECONDS" dotnet build "$1" -c Release --nologo -v quiet --artifacts-path "$ARTIFACTS" >"$log" 2>&1 || status=$?
  stop_if_interrupted "$status"
  if [[ $status -eq 0 ]]; then
    echo "built $2"
  else
    echo "$2 did not build:"
    if grep -qE ' error |error:' "$log"; then grep -E ' error |error:' "$log" | sort -u | head -n 20; else tail -n 20 "$log"; fi
    return 1
  fi
}

# install_js_bot: npm ci into bench/JsBot when its node_modules is missing or older than the lock file.
install_js_bot() {
  local log="$WORK/npm-ci.log" status=0 major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [[ $major -lt 20 ]]; then
    echo "JS SDK bot skipped: it needs Node 20 or later, this is $(node --version)"
    return 1
  fi
  if [[ ! -f "$JSBOT_DIR/node_modules/.package-lock.json" || "$JSBOT_DIR/package-lock.json" -nt "$JSBOT_DIR/node_modules/.package-lock.json" ]]; then
    # Exactly the locked versions. The dev dependency rimraf is for botbuilder-dialogs' postinstall (npx rimraf).
    run_bounded "$INSTALL_MAX_SECONDS" npm --prefix "$JSBOT_DIR" ci --no-audit --no-fund >"$log" 2>&1 || status=$?
    stop_if_interrupted "$status"
    if [[ $status -ne 0 ]]; then
      echo "JS SDK bot skipped: npm ci failed:"
      tail -n 20 "$log"
      return 1
    fi
  fi
  echo "JS SDK bot ready: node $(node --version), botbuilder $(cd "$JSBOT_DIR" && node -p 'require("botbuilder/package.json").version'), botbuilder-dialogs $(cd "$JSBOT_DIR" && node -p 'require("botbuilder-dialogs/package.json").version')"
}

# start_bot NAME PROGRAM [ARGS...]: starts the bot (a .dll with dotnet, a .js with node) on a free loopback
# port; sets BOT_PID and PORT.
start_bot() {
  local name=$1 program=$2
  shift 2
  PORT="$(dotnet "$DRIVER" free-port)"
  if [[ $program == *.js ]]; then
    # As the SDK's JavaScript samples run: the port from PORT. node itself (not npm start), so that BOT_PID is
    # the bot's process and its CPU is what the driver reads.
    (cd "$(dirname "$program")" && NODE_ENV=production PORT="$PORT" exec node "$program" "$@" >"$WORK/$name.log" 2>&1) &
  else
    # From its own folder, so that it finds its appsettings*.json as it would when deployed.
    (cd "$(dirname "$program")" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$program" \
        --urls "http://127.0.0.1:$PORT" \
        --Logging:LogLevel:Default=Warning \
        "$@" >"$WORK/$name.log" 2>&1) &
  fi
  BOT_PID=$!
}

# measure NAME PROGRAM SCENARIO_KEY SCENARIO_NAME [DRIVER ARGS...] -- [BOT ARGS...]
# One fresh bot process per scenario, so no scenario inherits another's warm JIT or state.
measure() {
  local name=$1 program=$2 key=$3 title=$4
  shift 4
  local driver_args=() bot_args=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do driver_args+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  bot_args=("$@")

  start_bot "$name-$key" "$program" "${bot_args[@]}"
  local status=0 log="$WORK/$name-$key.log"
  run_bounded "$((DRIVER_MAX_SECONDS + 30))" dotnet "$DRIVER" \
      --url "http://127.0.0.1:$PORT" --pid "$BOT_PID" --wait-seconds 120 --max-seconds "$DRIVER_MAX_SECONDS" \
      --label "$(label "$name")" --scenario "$title" --json-out "$WORK/$key-$name.json" \
      "${driver_args[@]}" "${DRIVER_ARGS[@]}" || status=$?
  stop_if_interrupted "$status"
  # Exit code 1 is a bad option (the driver printed which): the other runs would fail the same way.
  if [[ $status -eq 1 ]]; then exit 1; fi
  if [[ $status -ne 0 ]]; then
    # The first lines say why (an unhandled exception starts with its message); the stack trace follows.
    echo "$name: the driver stopped with exit code $status; the first lines of the bot's log ($(wc -l <"$log") in all):"
    head -n 8 "$log" | cut -c1-200 | sed 's/^/  | /'
  elif [[ -s "$log" ]]; then
    echo "  ($name logged $(wc -l <"$log") lines at Warning or above; the first: $(head -n 1 "$log" | cut -c1-160))"
  fi
  stop_bot
}

# measure_two_instances SCENARIO_KEY SCENARIO_NAME [DRIVER ARGS...]: the same scenario through nginx to two fresh
# IqosBot processes on a fresh database of the shared PostgreSQL and Redis; their CPU is counted together, and
# PostgreSQL's, Redis's and nginx's apart.
measure_two_instances() {
  local key=$1 title=$2 status=0
  shift 2
  start_two_instances "$key"
  run_bounded "$((TWO_INSTANCES_MAX_SECONDS + 30))" dotnet "$DRIVER" \
      --url "http://127.0.0.1:$PROXY_PORT" --pid "$BOT_A_PID,$BOT_B_PID" --service-pids "$SERVICE_PIDS,$NGINX_PID" \
      --wait-seconds 120 --max-seconds "$TWO_INSTANCES_MAX_SECONDS" \
      --label "IqosBot×2" --scenario "$title" --json-out "$WORK/$key-IqosBot2.json" \
      "$@" "${DRIVER_ARGS[@]}" || status=$?
  stop_if_interrupted "$status"
  if [[ $status -eq 1 ]]; then exit 1; fi
  if [[ $status -ne 0 ]]; then
    echo "IqosBot×2: the driver stopped with exit code $status; the first lines of the instances' logs:"
    head -n 8 "$WORK/IqosBot-2-$key-A.log" "$WORK/IqosBot-2-$key-B.log" | cut -c1-200 | sed 's/^/  | /'
  fi
  stop_two_instances
}

section "machine"
echo "$(nproc) cores, CLK_TCK $(getconf CLK_TCK), .NET SDK $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "the driver runs on the same cores as the bot: CPU µs/turn (the bot's own) is the stable number, turns/s is indicative"

section "build (Release)"
build "$BENCH/LoadDriver/LoadDriver.csproj" LoadDriver || exit 1
build "$BENCH/BaselineBot/BaselineBot.csproj" BaselineBot || exit 1
JSBOT=false
if [[ $NO_JS == true ]]; then
  echo "JS SDK bot skipped (--no-js)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "JS SDK bot skipped: node and npm are not installed (it needs Node 20 or later)"
elif install_js_bot; then
  JSBOT=true
fi
IQOSBOT=false
if [[ "$BASELINE_ONLY" == true ]]; then
  echo "IqosBot skipped (--baseline-only)"
elif build "$REPO/Bot/IqosBot.Bot.csproj" IqosBot; then
  IQOSBOT=true
fi

if [[ $POSTGRES == true && $IQOSBOT == true ]]; then
  section "PostgreSQL as the store"
  if [[ ! -x $PG_BIN/initdb ]]; then
    echo "IqosBotPG skipped: not installed: PostgreSQL 15 ($PG_BIN/initdb)"
    POSTGRES=false
  elif ! start_postgres; then
    echo "IqosBotPG skipped: PostgreSQL did not start"
    POSTGRES=false
  else
    echo "PostgreSQL 15 on port $PG_PORT; each scenario gets a fresh database and a fresh bot"
  fi
fi

if [[ $TWO_INSTANCES == true && $IQOSBOT == true ]]; then
  section "two instances: PostgreSQL, Redis, nginx"
  missing_tools="$(two_instances_missing)"
  if [[ -n $missing_tools ]]; then
    echo "IqosBot×2 skipped: not installed: $missing_tools"
    TWO_INSTANCES=false
  elif ! start_services; then
    echo "IqosBot×2 skipped: its services did not start"
    TWO_INSTANCES=false
  else
    echo "PostgreSQL 15 on port $PG_PORT, redis-server on port $REDIS_PORT; each scenario gets a fresh database, two fresh bots and nginx"
  fi
fi

for key in "${SCENARIOS[@]}"; do
  scenario "$key"
  section "$TITLE"
  measure baseline "$BASELINE_DLL" "$key" "$TITLE" "${SCENARIO[@]}"
  if [[ $JSBOT == true ]]; then
    echo
    measure JsBot "$JSBOT_MAIN" "$key" "$TITLE" "${SCENARIO[@]}"
  fi
  if [[ $IQOSBOT == true ]]; then
    echo
    # The benefits sandbox (in IqosBot's process) answers the registration's serial checks. Its rate limit (120 a
    # minute per API key, to try the bot's handling of a throttling CRM) would refuse most of (d)'s, the bot's circuit
    # breaker would open, and the serials would be taken unchecked: measured, that is a cheaper turn than a customer's.
    measure IqosBot "$IQOSBOT_DLL" "$key" "$TITLE" "${SCENARIO[@]}" -- "--Storage:Path=$WORK/iqosbot-$key.db" "--DirectLine:Secret=bench-$(date +%s%N)-secret-for-the-benchmark-only" "--RateLimits:Enabled=false" "--Security:AllowAnonymous=true" "--Benefits:Sandbox:Enabled=true" \
        "--Benefits:Sandbox:DatabasePath=$WORK/sandbox-$key.db" "--Benefits:Sandbox:RequestsPerMinute=1000000"
    if [[ $DIRECTLINE == true ]]; then
      # The same scenario, each customer as Web Chat: token, conversation, stream socket, then posts (bench/README.md).
      echo
      measure IqosBotDL "$IQOSBOT_DLL" "$key" "$TITLE" "${SCENARIO[@]}" --protocol directline -- "--Storage:Path=$WORK/iqosbot-dl-$key.db" "--DirectLine:Secret=bench-$(date +%s%N)-secret-for-the-benchmark-only" "--RateLimits:Enabled=false" "--Security:AllowAnonymous=true" "--Benefits:Sandbox:Enabled=true" \
          "--Benefits:Sandbox:DatabasePath=$WORK/sandbox-dl-$key.db" "--Benefits:Sandbox:RequestsPerMinute=1000000"
    fi
    if [[ $POSTGRES == true ]]; then
      # The same bot and scenario with every store on PostgreSQL (state, Direct Line, handoff, insights); the server's
      # CPU (the postmaster and its backends) is counted beside the bot's.
      echo
      measure IqosBotPG "$IQOSBOT_DLL" "$key" "$TITLE" "${SCENARIO[@]}" --service-pids "$PG_PID" -- "--Storage:Path=$WORK/iqosbot-pg-$key.db" "--DirectLine:Secret=bench-$(date +%s%N)-secret-for-the-benchmark-only" "--RateLimits:Enabled=false" "--Security:AllowAnonymous=true" "--Benefits:Sandbox:Enabled=true" \
          "--Benefits:Sandbox:DatabasePath=$WORK/sandbox-pg-$key.db" "--Benefits:Sandbox:RequestsPerMinute=1000000" \
          "--Storage:Provider=Postgres" "--ConnectionStrings:Postgres=$(fresh_database "iqosbot_pg_$key")"
    fi
    # Two instances only in (a) and (b): on PostgreSQL and Redis each of their runs takes minutes.
    if [[ $TWO_INSTANCES == true && ($key == a || $key == b) ]]; then
      echo
      measure_two_instances "$key" "$TITLE" "${SCENARIO[@]}"
    fi
  fi
done

section "IqosBot beside the C# SDK and the JavaScript SDK bots, measured in this run"
harness_ok=true
for key in "${SCENARIOS[@]}"; do
  scenario "$key"
  if [[ ! -f "$WORK/$key-baseline.json" ]]; then
    echo "scenario ($key): the C# SDK bot did not complete, so there is nothing to compare against"
    harness_ok=false
    continue
  fi
  baselines=(--baseline "$WORK/$key-baseline.json")
  if [[ -f "$WORK/$key-JsBot.json" ]]; then
    baselines+=(--baseline "$WORK/$key-JsBot.json")
  elif [[ $JSBOT == true ]]; then
    echo "scenario ($key): the JS SDK bot did not complete (see above), so its column is missing"
  fi
  dotnet "$DRIVER" compare "${baselines[@]}" --candidate "$WORK/$key-IqosBot.json" \
      --candidate-label IqosBot --title "$TITLE" "${TARGETS[@]}"
  echo
done
echo "Targets are IqosBot's. PASS/MISS is reported, never turned into a failing exit code."

if [[ $DIRECTLINE == true && $IQOSBOT == true ]]; then
  section "IqosBot over Direct Line (the website's Web Chat) beside IqosBot over /api/messages, measured in this run"
  for key in "${SCENARIOS[@]}"; do
    if [[ ! -f "$WORK/$key-IqosBot.json" ]]; then
      echo "scenario ($key): the /api/messages run did not complete, so there is nothing to compare against"
      continue
    fi
    scenario "$key"
    dotnet "$DRIVER" compare --baseline "$WORK/$key-IqosBot.json" --candidate "$WORK/$key-IqosBotDL.json" \
        --candidate-label IqosBotDL --title "$TITLE: IqosBot over /api/messages, and over Direct Line" "${TARGET_DIRECTLINE[@]}"
    echo
  done
  echo "IqosBotDL's bot CPU includes its conversation starts (token, conversation, socket, welcome); 'turns alone' takes off what they cost, measured apart."
fi

if [[ $POSTGRES == true ]]; then
  section "IqosBot with its stores on PostgreSQL beside IqosBot on SQLite, measured in this run"
  for key in "${SCENARIOS[@]}"; do
    if [[ ! -f "$WORK/$key-IqosBot.json" ]]; then
      echo "scenario ($key): the SQLite run did not complete, so there is nothing to compare against"
      continue
    fi
    scenario "$key"
    dotnet "$DRIVER" compare --baseline "$WORK/$key-IqosBot.json" --candidate "$WORK/$key-IqosBotPG.json" \
        --candidate-label IqosBotPG --title "$TITLE: IqosBot on SQLite, and on PostgreSQL" "${TARGET_POSTGRES[@]}"
    echo
  done
  echo "IqosBotPG's services row is PostgreSQL (the postmaster and every backend); the target is on the bot and the database together."
fi

if [[ $TWO_INSTANCES == true ]]; then
  section "IqosBot as two instances on PostgreSQL and Redis behind nginx, beside one on SQLite, measured in this run"
  for key in a b; do
    if [[ ! -f "$WORK/$key-IqosBot.json" ]]; then
      echo "scenario ($key): the SQLite run did not complete, so there is nothing to compare against"
      continue
    fi
    scenario "$key"
    dotnet "$DRIVER" compare --baseline "$WORK/$key-IqosBot.json" --candidate "$WORK/$key-IqosBot2.json" \
        --candidate-label "IqosBot×2" --title "$TITLE: one instance on SQLite, two on PostgreSQL and Redis behind nginx"
    echo
  done
  echo "bot CPU counts both instances; PostgreSQL's backends, Redis and nginx are the services row."
fi
[[ $harness_ok == true ]]
