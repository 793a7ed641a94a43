#!/usr/bin/env bash
# Runs every test of the solution on this machine and ends with one plain line,
# "N passed, N failed, N skipped", counted from the test results themselves (TRX files),
# so that a run that executed no test shows as such. Exits non-zero when any test failed
# or none ran. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (https://dot.net); it is not on PATH." >&2
  exit 2
fi

# The browser tests (tests/IqosBot.WebChat.Tests) drive Debian's chromium through Playwright; it is
# installed here when missing (Playwright never downloads a browser on this machine).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >&2 ||
    echo "Could not install chromium; the browser tests will fail." >&2
fi

# The multi-instance tests run against a real Redis (tests/IqosBot.Bot.Tests/Storage/RedisServer starts Debian's
# redis-server on a free port) and a throwaway PostgreSQL 15 cluster (on the machine image).
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the multi-instance tests..." >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server) >&2 ||
    echo "Could not install redis-server; the multi-instance tests will fail." >&2
fi

# The two-process tests (tests/IqosBot.Bot.Tests/TwoProcesses) put Debian's nginx in front of the bot processes, with
# deployment/nginx/iqosbot.conf.template; installed here when missing.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx for the two-process tests..." >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx) >&2 ||
    echo "Could not install nginx; the tests through the proxy will fail." >&2
fi

# The deployment tests (tests/IqosBot.Bot.Tests/Deployment) check deployment/azure/deploy.sh with Debian's shellcheck.
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "Installing Debian's shellcheck for the deployment script's check..." >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y shellcheck) >&2 ||
    echo "Could not install shellcheck; the deployment script's check will fail." >&2
fi

# The Teams package test validates the manifest with Microsoft's schemas and ajv (tests/teams-manifest, versions pinned
# in its package-lock.json); it needs Node.js (Debian's nodejs and npm when missing).
if ! command -v npm >/dev/null 2>&1; then
  echo "Installing Debian's nodejs and npm for the Teams manifest check..." >&2
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm) >&2 ||
    echo "Could not install npm; the Teams manifest check will fail." >&2
fi
if [ ! -d tests/teams-manifest/node_modules ]; then
  npm ci --prefix tests/teams-manifest --no-audit --no-fund >&2 ||
    echo "npm ci failed in tests/teams-manifest; the Teams manifest check will fail." >&2
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The whole solution is built before any test runs: some tests run other projects' build output (the tools, the
# bot and sandbox processes), and `dotnet test` on a solution starts a test project as soon as its own references
# are built, before the rest.
set +e
dotnet build IqosBot.sln --nologo -v quiet
status=$?
if [ "$status" -eq 0 ]; then
  # One test project at a time (-m:1); each still runs its own test classes in parallel. Run side by side on a
  # 2-core CI machine, the browser tests starved behind the bot's tests (Chromium timing out on a screenshot).
  dotnet test IqosBot.sln --nologo --no-build -m:1 --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@"
  status=$?
fi
set -e

# Each TRX file has one <Counters total=".." executed=".." passed=".." failed=".." ... /> element.
read -r passed failed skipped < <(
  find "$results" -name '*.trx' -print0 | xargs -0 -r cat | tr '\n' ' ' |
  grep -o '<Counters [^>]*>' |
  awk '{
    for (i = 1; i <= NF; i++) {
      split($i, kv, "=");
      gsub(/[^0-9]/, "", kv[2]);
      if (kv[1] == "passed") p += kv[2];
      if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2];
      if (kv[1] == "notExecuted") s += kv[2];
    }
  } END { printf "%d %d %d\n", p, f, s }'
)

echo "${passed} passed, ${failed} failed, ${skipped} skipped"

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
