#!/usr/bin/env bash
# Try Shoptalk as a single-workspace Slack app without Slack: WireMock plays the Slack Web API on
# 127.0.0.1, the packaged jar talks to it through SLACK_API_URL, and this script plays Slack's side,
# sending signed requests (v0 HMAC-SHA256, as Slack signs them) to /slack/events. It creates a guild,
# posts a moment, answers it in the thread (and delivers that answer twice, as a Slack retry), asks for
# the digest, and checks that the digest Shoptalk sent to "Slack" holds the answer.
#
# Needs: java 17+, curl, openssl; the jar (./mvnw -B -ntp -q package -DskipTests) and the WireMock
# standalone jar, which the build's tests put in ~/.m2 (or set WIREMOCK_JAR). Uses only loopback.
# Ports: SHOPTALK_PORT (default 8080) and FAKE_SLACK_PORT (default 8089). Everything it writes goes to a
# temporary directory, which it prints; set KEEP=1 to keep both processes running afterwards.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=app/target/shoptalk.jar
SHOPTALK_PORT=${SHOPTALK_PORT:-8080}
FAKE_SLACK_PORT=${FAKE_SLACK_PORT:-8089}
SECRET=try-locally-signing-secret
SHOPTALK="http://127.0.0.1:$SHOPTALK_PORT"
SLACK="http://127.0.0.1:$FAKE_SLACK_PORT"
ANSWER="Asking before fixing saved me a day this week."

. deploy/try-locally-common.sh
try_locally_prepare slack "$FAKE_SLACK_PORT"

# The fake Slack: what Bolt asks at start (auth.test, bots.info) and what Shoptalk posts with.
stub() { # name, Web API method, JSON answer
  printf '{"request":{"method":"POST","urlPath":"/api/%s"},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":%s%s}}\n' \
    "$2" "$3" "${4:-}" >"$WORK/fake-slack/mappings/$1.json"
}
stub auth-test auth.test '"{\"ok\":true,\"url\":\"https://try.slack.com/\",\"team\":\"Try\",\"user\":\"shoptalk\",\"team_id\":\"T0TRY\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}"'
stub bots-info bots.info '"{\"ok\":true,\"bot\":{\"id\":\"BBOT\",\"user_id\":\"UBOT\",\"name\":\"shoptalk\"}}"'
# Every message gets a ts of its own, as in Slack.
stub post-message chat.postMessage '"{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.{{randomValue length=6 type='"'"'NUMERIC'"'"'}}\"}"' ',"transformers":["response-template"]'
stub permalink chat.getPermalink '"{\"ok\":true,\"channel\":\"C1\",\"permalink\":\"https://try.slack.com/archives/C1/p1700000000000100\"}"'
stub ephemeral chat.postEphemeral '"{\"ok\":true,\"message_ts\":\"1700000000.900000\"}"'
stub users-info users.info '"{\"ok\":true,\"user\":{\"id\":\"U2\",\"name\":\"bo\",\"profile\":{\"display_name\":\"bo\"}}}"'
printf '{"priority":10,"request":{"method":"POST","urlPattern":"/.*"},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":"{\\"ok\\":true}"}}\n' \
  >"$WORK/fake-slack/mappings/anything-else.json"

java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$FAKE_SLACK_PORT" --root-dir "$WORK/fake-slack" \
  --disable-banner >"$WORK/fake-slack.log" 2>&1 &
pids+=($!)

await() { # what, url
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "$2"; then return 0; fi
    sleep 0.5
  done
  fail "$1 did not come up at $2 (see $WORK)"
}
await "the fake Slack" "$SLACK/__admin/health"

# Digest links open on this machine, where this try-out runs; a real install sets SHOPTALK_PUBLIC_URL to its public
# address (Shoptalk warns in shoptalk.log that a loopback one is for this machine only).
SHOPTALK_SECRET=try-locally-secret-0123456789 SLACK_BOT_TOKEN=xoxb-try-locally SLACK_SIGNING_SECRET=$SECRET SLACK_API_URL="$SLACK/api/" \
  SHOPTALK_PUBLIC_URL="$SHOPTALK" SHOPTALK_PORT=$SHOPTALK_PORT SHOPTALK_DB_URL="jdbc:h2:file:$WORK/data/shoptalk" \
  java -jar "$JAR" >"$WORK/shoptalk.log" 2>&1 &
pids+=($!)
await "Shoptalk" "$SHOPTALK/readyz"
echo "Shoptalk is ready on $SHOPTALK, talking to the fake Slack on $SLACK"

# POST body with Slack's headers: X-Slack-Signature = v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
signed() { # content type, body, extra curl args...
  local type=$1 body=$2 ts sig
  shift 2
  ts=$(date +%s)
  sig=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)
  curl -s -w '\nHTTP %{http_code}\n' -X POST "$SHOPTALK/slack/events" -H "Content-Type: $type" \
    -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: v0=$sig" "$@" --data-binary "$body"
}
urlencode() { local s=$1 out="" c i; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
  case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; printf '%s' "$out"; }
slash() { # text: /shoptalk TEXT typed by U1 in channel C1
  echo "> /shoptalk $1"
  signed application/x-www-form-urlencoded "token=legacy&team_id=T0TRY&team_domain=try&channel_id=C1&channel_name=craft&user_id=U1&user_name=ann&command=%2Fshoptalk&text=$(urlencode "$1")&api_app_id=A1&response_url=$(urlencode "$SLACK/response-url")&trigger_id=1.2.3"
}
posts() { curl -s -X POST "$SLACK/__admin/requests/count" -d '{"method":"POST","url":"/api/chat.postMessage"}' \
  | tr -dc '0-9'; }
await_posts() { # count
  for _ in $(seq 1 60); do [ "$(posts)" -ge "$1" ] && return 0; sleep 0.5; done
  fail "expected $1 chat.postMessage call(s) at the fake Slack, saw $(posts)"
}

slash "guild create Craft lang en"
slash "moment"
await_posts 1
# The ts the fake Slack gave the prompt: the thread the answers belong to.
# (The journal lists newest first and holds the stub's template too; only a rendered ts has six digits.)
ROOT=$(curl -s "$SLACK/__admin/requests?limit=50" | grep -o '"body" : "{\\"ok\\":true,\\"channel\\":\\"C1\\",\\"ts\\":\\"1700000000\.[0-9]\{6\}' \
  | head -n 1 | grep -o '1700000000\.[0-9]*' || true)
[ -n "$ROOT" ] || fail "could not find the prompt's ts in the fake Slack's journal"
echo "The prompt was posted to C1 with ts $ROOT"

REPLY='{"token":"legacy","team_id":"T0TRY","api_app_id":"A1","type":"event_callback","event_id":"EvTry1","event_time":1700000100,"event":{"type":"message","channel":"C1","channel_type":"channel","user":"U2","text":"'"$ANSWER"'","ts":"1700000100.000100","thread_ts":"'"$ROOT"'","event_ts":"1700000100.000100"}}'
echo "> thread reply from U2: $ANSWER"
signed application/json "$REPLY"
echo "> the same event again, as Slack retries it"
signed application/json "$REPLY" -H "X-Slack-Retry-Num: 1" -H "X-Slack-Retry-Reason: http_timeout"
echo "> the same event with a wrong signature"
curl -s -w '\nHTTP %{http_code}\n' -X POST "$SHOPTALK/slack/events" -H "Content-Type: application/json" \
  -H "X-Slack-Request-Timestamp: $(date +%s)" -H "X-Slack-Signature: v0=0000" --data-binary "$REPLY"

slash "digest"
await_posts 2
DIGEST=$(curl -s -X POST "$SLACK/__admin/requests/find" -d '{"method":"POST","url":"/api/chat.postMessage"}')
ENCODED=$(urlencode "$ANSWER")
FOUND=$(printf '%s' "$DIGEST" | grep -o 'blocks=[^&"]*' | tail -n 1 | grep -o -- "$ENCODED" | wc -l || true)
echo "The digest Shoptalk posted to Slack contains the answer $FOUND time(s) in its blocks."
[ "$FOUND" -eq 1 ] || fail "expected the answer exactly once in the digest (journal: $SLACK/__admin/requests)"
echo "OK: a signed slash command and a signed thread reply reached the digest."
if [ "${KEEP:-0}" = 1 ]; then
  echo "Still running (KEEP=1): Shoptalk pid ${pids[1]}, fake Slack pid ${pids[0]}; journal at $SLACK/__admin/requests"
fi
