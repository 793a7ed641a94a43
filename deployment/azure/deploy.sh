#!/usr/bin/env bash
# Deploys IqosBot to Azure: the resources (main.bicep), the bot's build, CLU when the environment has it, and the
# Teams app package; then waits until the bot says it is ready.
#
#   deployment/azure/deploy.sh <test|prod> <resource-group> [location]     (location: swedencentral by default)
#
# What it needs from you, as environment variables (the parameter files read them):
#   IQOSBOT_BENEFITS_BASE_URL    the benefits/CRM API's https base address, ending in /
#   IQOSBOT_BENEFITS_API_KEY     its key
#   IQOSBOT_OIDC_AUTHORITY       agent sign-in authority, e.g. https://login.microsoftonline.com/<tenant>/v2.0
#   IQOSBOT_OIDC_CLIENT_ID       the agent console's Entra ID app registration (client id) ...
#   IQOSBOT_OIDC_CLIENT_SECRET   ... and a client secret of it
#   IQOSBOT_PRIVACY_URL          https address of the privacy notice (shown in Teams)
# Optional: IQOSBOT_DIRECT_LINE_SECRET, IQOSBOT_POSTGRES_PASSWORD, IQOSBOT_TEAMS_APP_ID (generated when unset and
# kept in a file for the next run, see below), IQOSBOT_NAME_PREFIX (default iqosbot), IQOSBOT_OIDC_REQUIRED_ROLE
# (default Agent), IQOSBOT_OUT_DIR (where the Teams package goes; default the current folder), IQOSBOT_WEBSITE_ORIGINS
# (the sites that embed the chat, e.g. "https://www.example.se", separated by spaces; none: only the bot's own page).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() {
  echo "usage: deployment/azure/deploy.sh <test|prod> <resource-group> [location]   (location: swedencentral by default)" >&2
  exit 2
}

say() { printf '\n== %s\n' "$*"; }
fail() {
  printf 'deploy.sh: %s\n' "$*" >&2
  exit 1
}

[[ $# -ge 2 && $# -le 3 ]] || usage
environment_name="$1"
resource_group="$2"
location="${3:-swedencentral}"
case "$environment_name" in
  test | prod) ;;
  *) usage ;;
esac

# --- What this machine needs ------------------------------------------------------------------------------------
missing=()
for tool in az dotnet npm zip openssl jq curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  fail "missing: ${missing[*]}. Install the Azure CLI (az), the .NET 10 SDK (dotnet), Node.js (npm: the build fetches Web Chat's bundle), zip, openssl, jq and curl."
fi

# --- What it needs from you -------------------------------------------------------------------------------------
required=(IQOSBOT_BENEFITS_BASE_URL IQOSBOT_BENEFITS_API_KEY IQOSBOT_OIDC_AUTHORITY IQOSBOT_OIDC_CLIENT_ID IQOSBOT_OIDC_CLIENT_SECRET IQOSBOT_PRIVACY_URL)
unset_names=()
for name in "${required[@]}"; do
  [[ -n "${!name:-}" ]] || unset_names+=("$name")
done
if ((${#unset_names[@]} > 0)); then
  fail "set these environment variables first (see the top of this script): ${unset_names[*]}"
fi
[[ "$IQOSBOT_BENEFITS_BASE_URL" == https://*/ ]] || fail "IQOSBOT_BENEFITS_BASE_URL must be an https address ending in / (the bot adds v1/... to it)."
[[ "$IQOSBOT_OIDC_AUTHORITY" == https://* ]] || fail "IQOSBOT_OIDC_AUTHORITY must be an https address."
[[ "$IQOSBOT_PRIVACY_URL" == https://* ]] || fail "IQOSBOT_PRIVACY_URL must be an https address."
for origin in ${IQOSBOT_WEBSITE_ORIGINS:-}; do
  [[ "$origin" =~ ^https://[^/]+$ ]] || fail "IQOSBOT_WEBSITE_ORIGINS: '$origin' is not an origin like https://www.example.se (https, no path, no trailing /)."
done
[[ "${IQOSBOT_NAME_PREFIX:-iqosbot}" =~ ^[a-z][a-z0-9]{2,9}$ ]] || fail "IQOSBOT_NAME_PREFIX must be 3-10 lower-case letters and digits, starting with a letter (it starts every resource name)."

# Values this script makes up when you do not give them. A later run must use the same ones: new ones would rotate
# them (a new Direct Line secret invalidates every open chat's token; a new database password changes the server's
# admin password and restarts the bot; a new Teams app id makes Teams see a different app). So they are kept in a
# file only you can read, which later runs read when the variables are not set.
state_dir="${XDG_CONFIG_HOME:-$HOME/.config}/iqosbot"
state_file="$state_dir/$environment_name-$resource_group.env"
if [[ -f "$state_file" ]]; then
  while IFS='=' read -r name value; do
    case "$name" in
      IQOSBOT_DIRECT_LINE_SECRET | IQOSBOT_POSTGRES_PASSWORD | IQOSBOT_TEAMS_APP_ID)
        [[ -n "${!name:-}" ]] || printf -v "$name" '%s' "$value"
        ;;
    esac
  done <"$state_file"
fi

random_alphanumeric() {
  openssl rand -base64 96 | tr -dc 'A-Za-z0-9' | head -c "$1"
}

new_guid() {
  local hex
  hex="$(openssl rand -hex 16)"
  # Version 4, variant 10xx: a GUID like any other.
  printf '%s-%s-4%s-%x%s-%s\n' "${hex:0:8}" "${hex:8:4}" "${hex:12:3}" $((0x${hex:15:1} & 0x3 | 0x8)) "${hex:16:3}" "${hex:19:12}"
}

generated=()
if [[ -z "${IQOSBOT_DIRECT_LINE_SECRET:-}" ]]; then
  IQOSBOT_DIRECT_LINE_SECRET="$(openssl rand -hex 32)"
  generated+=(IQOSBOT_DIRECT_LINE_SECRET)
fi
if [[ -z "${IQOSBOT_POSTGRES_PASSWORD:-}" ]]; then
  # Letters and digits only (nothing that needs quoting in a connection string), with all three kinds, which the
  # server's password rules want.
  until [[ "${IQOSBOT_POSTGRES_PASSWORD:-}" =~ [A-Z] && "$IQOSBOT_POSTGRES_PASSWORD" =~ [a-z] && "$IQOSBOT_POSTGRES_PASSWORD" =~ [0-9] ]]; do
    IQOSBOT_POSTGRES_PASSWORD="$(random_alphanumeric 32)"
  done
  generated+=(IQOSBOT_POSTGRES_PASSWORD)
fi
if [[ -z "${IQOSBOT_TEAMS_APP_ID:-}" ]]; then
  IQOSBOT_TEAMS_APP_ID="$(new_guid)"
  generated+=(IQOSBOT_TEAMS_APP_ID)
fi
((${#IQOSBOT_DIRECT_LINE_SECRET} >= 32)) || fail "IQOSBOT_DIRECT_LINE_SECRET must be at least 32 characters."
((${#IQOSBOT_POSTGRES_PASSWORD} >= 16)) || fail "IQOSBOT_POSTGRES_PASSWORD must be at least 16 characters."
[[ "$IQOSBOT_POSTGRES_PASSWORD" != *[\;\'\"]* ]] || fail "IQOSBOT_POSTGRES_PASSWORD must not contain ; or quotes (it goes into a connection string)."

if ((${#generated[@]} > 0)); then
  (
    umask 077
    mkdir -p "$state_dir"
    {
      printf 'IQOSBOT_DIRECT_LINE_SECRET=%s\n' "$IQOSBOT_DIRECT_LINE_SECRET"
      printf 'IQOSBOT_POSTGRES_PASSWORD=%s\n' "$IQOSBOT_POSTGRES_PASSWORD"
      printf 'IQOSBOT_TEAMS_APP_ID=%s\n' "$IQOSBOT_TEAMS_APP_ID"
    } >"$state_file"
  )
  say "Generated ${generated[*]}"
  echo "Saved in $state_file (readable by you only). Keep that file, or its values in your password manager:"
  echo "a later run must use the same values (this script reads the file when the variables are not set);"
  echo "new ones would rotate them: open chats lose their Direct Line tokens, the database password changes,"
  echo "and a new Teams app id is a different app to Teams."
fi

export IQOSBOT_DIRECT_LINE_SECRET IQOSBOT_POSTGRES_PASSWORD IQOSBOT_TEAMS_APP_ID
export IQOSBOT_BENEFITS_BASE_URL IQOSBOT_BENEFITS_API_KEY IQOSBOT_OIDC_AUTHORITY IQOSBOT_OIDC_CLIENT_ID IQOSBOT_OIDC_CLIENT_SECRET
export IQOSBOT_WEBSITE_ORIGINS="${IQOSBOT_WEBSITE_ORIGINS:-}"

az account show --output none 2>/dev/null || fail "not signed in to Azure: run az login (and az account set --subscription ...) first."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- 1. The resources ----------------------------------------------------------------------------------------------
say "Resource group $resource_group in $location"
az group create --name "$resource_group" --location "$location" --output none

say "Resources (main.bicep with main.$environment_name.bicepparam); the first run can take half an hour or more (Redis and PostgreSQL are slow to create)"
az deployment group create \
  --resource-group "$resource_group" \
  --name "iqosbot-$environment_name" \
  --template-file "$here/main.bicep" \
  --parameters "$here/main.$environment_name.bicepparam" \
  --query properties.outputs \
  --output json >"$work/outputs.json"

output() { jq -er --arg name "$1" '.[$name].value' "$work/outputs.json"; }
web_app="$(output webAppName)"
host="$(output webAppHostName)"
bot_app_id="$(output botAppId)"
key_vault="$(output keyVaultName)"
language_name="$(output languageName)"
language_endpoint="$(output languageEndpoint)"
clu_project="$(output cluProjectName)"
clu_deployment="$(output cluDeploymentName)"

# --- 2. The bot ----------------------------------------------------------------------------------------------------
say "Publishing the bot (Bot, Release)"
dotnet publish "$root/Bot" --configuration Release --output "$work/publish" --nologo
(cd "$work/publish" && zip -qr "$work/iqosbot.zip" .)

say "Deploying it to $web_app (the app restarts with it)"
az webapp deploy --resource-group "$resource_group" --name "$web_app" --src-path "$work/iqosbot.zip" --type zip --output none

# --- 3. CLU, when this environment has the Language resource --------------------------------------------------------
clu_api="2023-04-01"

# One authoring request; prints the operation-location the service answers 202 with.
clu_request() {
  local method="$1" url="$2" body="$3" status
  status="$(curl --silent --show-error --request "$method" "$url" \
    --header @<(printf 'Ocp-Apim-Subscription-Key: %s\n' "$clu_key") \
    --header 'Content-Type: application/json' \
    --data-binary "@$body" \
    --dump-header "$work/clu-headers" --output "$work/clu-response" --write-out '%{http_code}')" || return 1
  if [[ "$status" != 202 ]]; then
    echo "CLU: $method $url answered $status: $(cat "$work/clu-response")" >&2
    return 1
  fi
  tr -d '\r' <"$work/clu-headers" | sed -n 's/^[Oo]peration-[Ll]ocation: *//p'
}

# Polls an operation until it ends; training a multilingual project takes minutes to an hour.
clu_wait() {
  local what="$1" url="$2" deadline status
  deadline=$((SECONDS + ${IQOSBOT_CLU_TIMEOUT_SECONDS:-5400}))
  while ((SECONDS < deadline)); do
    curl --silent --show-error "$url" \
      --header @<(printf 'Ocp-Apim-Subscription-Key: %s\n' "$clu_key") \
      --output "$work/clu-status" || return 1
    if jq -e '.error' "$work/clu-status" >/dev/null 2>&1; then
      echo "CLU: $what: $(jq -c '.error' "$work/clu-status")" >&2
      return 1
    fi
    status="$(jq -r '.status // "unknown"' "$work/clu-status")"
    case "$status" in
      succeeded)
        echo "CLU: $what succeeded"
        return 0
        ;;
      failed | cancelled | cancelling | partiallyCompleted)
        echo "CLU: $what $status: $(jq -c '.errors // .warnings // .' "$work/clu-status")" >&2
        return 1
        ;;
    esac
    sleep 15
  done
  echo "CLU: $what still running after ${IQOSBOT_CLU_TIMEOUT_SECONDS:-5400} s" >&2
  return 1
}

# A request and the wait for the operation it starts.
clu_step() {
  local what="$1" operation
  operation="$(clu_request "$2" "$3" "$4")" || return 1
  if [[ -z "$operation" ]]; then
    echo "CLU: $what: no operation-location in the answer" >&2
    return 1
  fi
  clu_wait "$what" "$operation"
}

deploy_clu() {
  local authoring="${language_endpoint%/}/language/authoring/analyze-conversations/projects/$clu_project" model operation
  model="iqosbot-$(date -u +%Y%m%d%H%M%S)"
  # The project's name in the file must be the one in the URL (and the one the bot queries).
  jq --arg project "$clu_project" '.metadata.projectName = $project' "$root/deployment/clu/iqosbot.clu.json" >"$work/clu-project.json" || return 1
  # Advanced training: standard training is English-only and this project is Swedish and English. The file's own
  # Train/Test split is kept (manual) so the evaluation is on the held-out examples the embedded recognizer's is.
  jq -n --arg model "$model" '{modelLabel: $model, trainingMode: "advanced", evaluationOptions: {kind: "manual"}}' >"$work/clu-train.json" || return 1
  jq -n --arg model "$model" '{trainedModelLabel: $model}' >"$work/clu-deploy.json" || return 1

  clu_step "import of $clu_project" POST "$authoring/:import?api-version=$clu_api" "$work/clu-project.json" || return 1
  clu_step "training of $model" POST "$authoring/:train?api-version=$clu_api" "$work/clu-train.json" || return 1
  clu_step "deployment $clu_deployment" PUT "$authoring/deployments/$clu_deployment?api-version=$clu_api" "$work/clu-deploy.json" || return 1
}

clu_result="not in this environment (the bot uses its embedded recognizer)"
if [[ -n "$language_name" ]]; then
  say "CLU: importing deployment/clu into $language_name, training and deploying it as $clu_deployment"
  clu_key="$(az cognitiveservices account keys list --resource-group "$resource_group" --name "$language_name" --query key1 --output tsv)"
  if deploy_clu; then
    clu_result="deployed as $clu_project/$clu_deployment"
  else
    # The bot falls back to its embedded recognizer while CLU does not answer, so the deployment goes on.
    clu_result="NOT deployed (see above); the bot answers with its embedded recognizer until it is. Run this script again to retry."
  fi
fi

# --- 4. The Teams app package ----------------------------------------------------------------------------------------
out_dir="${IQOSBOT_OUT_DIR:-$PWD}"
mkdir -p "$out_dir"
teams_package="$(cd "$out_dir" && pwd)/iqosbot-teams-$environment_name.zip"
say "Teams app package"
(cd "$root" && dotnet run --project tools/IqosBot.Tools -- teams-package \
  --app-id "$IQOSBOT_TEAMS_APP_ID" --bot-id "$bot_app_id" --host "$host" \
  --privacy-url "$IQOSBOT_PRIVACY_URL" --out "$teams_package")

embedding_sites="${IQOSBOT_WEBSITE_ORIGINS:-none but the page of the bot itself (set IQOSBOT_WEBSITE_ORIGINS and run again)}"

# --- 5. Ready? -------------------------------------------------------------------------------------------------------
say "Waiting for https://$host/readyz (warmed up, PostgreSQL and Redis reachable)"
deadline=$((SECONDS + ${IQOSBOT_READY_TIMEOUT_SECONDS:-600}))
ready=no
while ((SECONDS < deadline)); do
  if [[ "$(curl --silent --output /dev/null --max-time 10 --write-out '%{http_code}' "https://$host/readyz" || true)" == 200 ]]; then
    ready=yes
    break
  fi
  sleep 10
done

cat <<EOF

== Done: $environment_name in $resource_group

Bot                https://$host/   (agent console: https://$host/agent)
Bot app id         $bot_app_id   (Azure Bot and Teams)
Key Vault          $key_vault
CLU                $clu_result
Teams app package  $teams_package

By hand, once:
1. Teams: upload $teams_package in the Teams admin center (Teams apps, Manage apps, Upload new app)
   or in the Developer Portal; the Azure Bot's Teams channel is already on.
2. Website: put the Web Chat snippet from the README ("Put the chat on your own page") on the page,
   with https://$host as the bot's address. Sites allowed to embed it: $embedding_sites.
3. Agents: assign the agent console's app role (${IQOSBOT_OIDC_REQUIRED_ROLE:-Agent}) to the agents in Entra ID, and add
   https://$host/agent/signin-oidc as a redirect URI of its app registration.
EOF

if [[ "$ready" != yes ]]; then
  echo
  echo "The bot did not answer 200 on https://$host/readyz within ${IQOSBOT_READY_TIMEOUT_SECONDS:-600} s." >&2
  echo "Look at its log: az webapp log tail --resource-group $resource_group --name $web_app" >&2
  exit 1
fi
echo
echo "https://$host/readyz answers 200: the bot is ready."
