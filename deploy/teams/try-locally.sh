#!/usr/bin/env bash
# Try Shoptalk as a Teams bot without a Teams tenant: WireMock plays Microsoft's side on 127.0.0.1 (the
# Bot Framework's OpenID metadata and signing keys, an OAuth2 token endpoint and the Bot Connector), the
# packaged jar is pointed at it with TEAMS_OPENID_METADATA_URL and TEAMS_TOKEN_URL, and this script plays
# Teams, posting activities to /api/messages with RS256 bearer tokens it signs with a key made for the run
# (openssl). It installs the bot in a team, creates a guild, posts a moment, answers it in the thread (one
# answer delivered twice, as Teams redelivers), sends one activity without a token, asks for the digest,
# and checks that the digest Shoptalk posted to "Teams" holds the answer once.
#
# Needs: java 17+, curl, openssl; the jar (./mvnw -B -ntp -q package -DskipTests) and the WireMock
# standalone jar, which the build's tests put in ~/.m2 (or set WIREMOCK_JAR). Uses only loopback.
# Ports: SHOPTALK_PORT (default 8080) and FAKE_TEAMS_PORT (default 8089). Everything it writes goes to a
# temporary directory, which it prints; set KEEP=1 to keep both processes running afterwards.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAR=app/target/shoptalk.jar
SHOPTALK_PORT=${SHOPTALK_PORT:-8080}
FAKE_TEAMS_PORT=${FAKE_TEAMS_PORT:-8089}
SHOPTALK="http://127.0.0.1:$SHOPTALK_PORT"
FAKE="http://127.0.0.1:$FAKE_TEAMS_PORT"
SERVICE_URL="$FAKE/teams/"
APP_ID=3f1e2d4c-5b6a-4789-9abc-def012345678
TENANT_ID=5e3c1a2b-9d8f-4e7a-b6c5-0a1b2c3d4e5f
TEAM_ID='19:Xf3a9c2e1b7d4c6a8e5f0b2d4a6c8e0f@thread.tacv2'
CHANNEL_ID='19:c1a2b3d4e5f60718293a4b5c6d7e8f90@thread.tacv2'
ANSWER="Asking before fixing saved me a day this week."

. deploy/try-locally-common.sh
try_locally_prepare teams "$FAKE_TEAMS_PORT"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# The Bot Framework's signing key for this run; its public half goes into the JWKS, endorsed for msteams.
openssl genrsa -out "$WORK/signing-key.pem" 2048 2>/dev/null
MODULUS_HEX=$(openssl rsa -in "$WORK/signing-key.pem" -noout -modulus | cut -d= -f2)
N=$(printf '%b' "$(printf '%s' "$MODULUS_HEX" | sed 's/../\\x&/g')" | b64url)

mapping() { # file name, mapping JSON
  printf '%s\n' "$2" >"$WORK/fake-teams/mappings/$1.json"
}
mapping openid-metadata '{"request": {"method": "GET", "urlPath": "/v1/.well-known/openidconfiguration"},
  "response": {"status": 200, "jsonBody": {"issuer": "https://api.botframework.com",
    "jwks_uri": "'"$FAKE"'/v1/.well-known/keys", "id_token_signing_alg_values_supported": ["RS256"]}}}'
mapping signing-keys '{"request": {"method": "GET", "urlPath": "/v1/.well-known/keys"},
  "response": {"status": 200, "jsonBody": {"keys": [{"kty": "RSA", "use": "sig", "kid": "try-locally",
    "n": "'"$N"'", "e": "AQAB", "endorsements": ["msteams"]}]}}}'
mapping token-endpoint '{"request": {"method": "POST", "urlPath": "/oauth2/token"},
  "response": {"status": 200, "jsonBody": {"token_type": "Bearer", "expires_in": 3600, "access_token": "try-locally"}}}'
# A new channel post (createConversation with isGroup): the id of the new thread is "<channel>;messageid=<root>".
mapping new-channel-post '{"priority": 1, "request": {"method": "POST", "urlPath": "/teams/v3/conversations",
    "bodyPatterns": [{"matchesJsonPath": "$[?(@.isGroup == true)]"}]},
  "response": {"status": 201, "headers": {"Content-Type": "application/json"}, "transformers": ["response-template"],
    "body": "{\"id\": \"{{jsonPath request.body '"'"'$.channelData.channel.id'"'"'}};messageid=1764{{randomValue length=9 type='"'"'NUMERIC'"'"'}}\"}"}}'
mapping personal-chat '{"priority": 5, "request": {"method": "POST", "urlPath": "/teams/v3/conversations"},
  "response": {"status": 200, "jsonBody": {"id": "a:1try-locally-personal-chat"}}}'
mapping send-activity '{"priority": 5, "request": {"method": "POST", "urlPathPattern": "/teams/v3/conversations/[^/]+/activities(/[^/]+)?"},
  "response": {"status": 200, "jsonBody": {"id": "1764000000500"}}}'
mapping team-channels '{"priority": 5, "request": {"method": "GET", "urlPathPattern": "/teams/v3/teams/[^/]+/conversations"},
  "response": {"status": 200, "jsonBody": {"conversations": [{"id": "'"$TEAM_ID"'"},
    {"id": "'"$CHANNEL_ID"'", "name": "Craft guild"}]}}}'

java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$FAKE_TEAMS_PORT" --root-dir "$WORK/fake-teams" \
  --disable-banner >"$WORK/fake-teams.log" 2>&1 &
pids+=($!)

await() { # what, url
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "$2"; then return 0; fi
    sleep 0.5
  done
  fail "$1 did not come up at $2 (see $WORK)"
}
await "the fake Teams" "$FAKE/__admin/health"

# Digest links open on this machine, where this try-out runs; a real install sets SHOPTALK_PUBLIC_URL to its public
# address (Shoptalk warns in shoptalk.log that a loopback one is for this machine only).
SHOPTALK_SECRET=try-locally-secret-0123456789 MICROSOFT_APP_ID=$APP_ID MICROSOFT_APP_PASSWORD=try-locally-secret MICROSOFT_APP_TENANT_ID=$TENANT_ID \
  TEAMS_OPENID_METADATA_URL="$FAKE/v1/.well-known/openidconfiguration" TEAMS_TOKEN_URL="$FAKE/oauth2/token" \
  SHOPTALK_PUBLIC_URL="$SHOPTALK" SHOPTALK_PORT=$SHOPTALK_PORT SHOPTALK_DB_URL="jdbc:h2:file:$WORK/data/shoptalk" \
  java -jar "$JAR" >"$WORK/shoptalk.log" 2>&1 &
pids+=($!)
await "Shoptalk" "$SHOPTALK/readyz"
echo "Shoptalk is ready on $SHOPTALK, talking to the fake Teams on $FAKE"

# The bearer token the Bot Framework sends with each activity: RS256 over base64url(header).base64url(claims).
token() {
  local now header claims sig
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"try-locally"}' | b64url)
  claims=$(printf '{"iss":"https://api.botframework.com","aud":"%s","serviceurl":"%s","nbf":%d,"exp":%d}' \
    "$APP_ID" "$SERVICE_URL" $((now - 60)) $((now + 1800)) | b64url)
  sig=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$WORK/signing-key.pem" -binary | b64url)
  printf '%s.%s.%s' "$header" "$claims" "$sig"
}
post() { # activity JSON, then extra curl args
  local body=$1
  shift
  curl -s -w '  HTTP %{http_code}\n' -X POST "$SHOPTALK/api/messages" -H 'Content-Type: application/json' "$@" \
    --data-binary "$body"
}
signed() { post "$1" -H "Authorization: Bearer $(token)"; }

COMMON='"channelId": "msteams", "serviceUrl": "'"$SERVICE_URL"'", "recipient": {"id": "28:'"$APP_ID"'", "name": "Shoptalk"}'
TEAM='"team": {"id": "'"$TEAM_ID"'", "name": "Platform Engineering", "aadGroupId": "e8a1c2d3-4b5f-4a6e-9d7c-1b2a3c4d5e6f"}, "tenant": {"id": "'"$TENANT_ID"'"}'
person() { # Teams id, Entra object id, name
  printf '"from": {"id": "%s", "aadObjectId": "%s", "name": "%s"}' "$1" "$2" "$3"
}
LEAD=$(person 29:1TryLeadId 0a1b2c3d-1111-4222-8333-444455556666 "Lena Lead")
MEMBER=$(person 29:1TryMemberId 0a1b2c3d-2222-4333-8444-555566667777 "Milan Member")
in_channel() { # thread root
  printf '"conversation": {"isGroup": true, "conversationType": "channel", "tenantId": "%s", "id": "%s;messageid=%s"}, "channelData": {"channel": {"id": "%s"}, %s}' \
    "$TENANT_ID" "$CHANNEL_ID" "$1" "$CHANNEL_ID" "$TEAM"
}
command() { # message id, command text: "@Shoptalk TEXT" by the lead as a new channel post
  echo "> @Shoptalk $2"
  signed '{"type": "message", "id": "'"$1"'", '"$COMMON"', '"$LEAD"', '"$(in_channel "$1")"',
    "text": "<at>Shoptalk</at> '"$2"'", "textFormat": "plain",
    "entities": [{"type": "mention", "text": "<at>Shoptalk</at>", "mentioned": {"id": "28:'"$APP_ID"'", "name": "Shoptalk"}}]}'
}
reply() { # message id, thread root, text: a thread reply by the member
  printf '%s' '{"type": "message", "id": "'"$1"'", '"$COMMON"', '"$MEMBER"', '"$(in_channel "$2")"', "text": "'"$3"'", "textFormat": "plain"}'
}
count() { # WireMock request pattern: how many such requests the fake Teams received
  curl -s -X POST "$FAKE/__admin/requests/count" -d "$1" | tr -dc '0-9'
}
await_count() { # what, pattern, count
  for _ in $(seq 1 60); do [ "$(count "$2")" -ge "$3" ] && return 0; sleep 0.5; done
  fail "expected $3 $1 at the fake Teams, saw $(count "$2") (journal: $FAKE/__admin/requests)"
}
CHANNEL_POSTS='{"method": "POST", "url": "/teams/v3/conversations", "bodyPatterns": [{"matchesJsonPath": "$[?(@.isGroup == true)]"}]}'
ACTIVITIES='{"method": "POST", "urlPathPattern": "/teams/v3/conversations/[^/]+/activities(/[^/]+)?"}'

echo "> the bot is added to the team (conversationUpdate) and installed (installationUpdate)"
signed '{"type": "conversationUpdate", "id": "f:try-1", '"$COMMON"', '"$LEAD"',
  "conversation": {"isGroup": true, "conversationType": "channel", "tenantId": "'"$TENANT_ID"'", "id": "'"$TEAM_ID"'"},
  "membersAdded": [{"id": "28:'"$APP_ID"'"}], "channelData": {"eventType": "teamMemberAdded", '"$TEAM"'}}'
signed '{"type": "installationUpdate", "action": "add", "id": "f:try-2", '"$COMMON"', '"$LEAD"',
  "conversation": {"isGroup": true, "conversationType": "channel", "tenantId": "'"$TENANT_ID"'", "id": "'"$TEAM_ID"'"},
  "channelData": {'"$TEAM"'}}'
await_count "welcome in General" "$ACTIVITIES" 1
echo "Shoptalk stored the team and introduced itself in its General channel"

command 1763802900101 "guild create Craft lang en"
await_count "reply to guild create" "$ACTIVITIES" 2
command 1763802900102 "moment"
await_count "new channel post (the moment)" "$CHANNEL_POSTS" 1
# The thread id the fake Teams gave the moment; the journal also holds the stub's template, which has no digits there.
ROOT=$(curl -s "$FAKE/__admin/requests?limit=100" | grep -o 'messageid=1764[0-9]\{9\}' | head -n 1 | cut -d= -f2 || true)
[ -n "$ROOT" ] || fail "could not find the moment's thread id in the fake Teams' journal"
echo "The moment was posted as a new thread in the channel: ;messageid=$ROOT"

echo "> thread reply from Milan: $ANSWER"
signed "$(reply 1764000000201 "$ROOT" "$ANSWER")"
echo "> the same activity again, as Teams redelivers it"
signed "$(reply 1764000000201 "$ROOT" "$ANSWER")"
echo "> another reply without a bearer token"
UNSIGNED=$(post "$(reply 1764000000202 "$ROOT" "A forged answer.")")
echo "$UNSIGNED"
case "$UNSIGNED" in *"HTTP 401") ;; *) fail "an activity without a bearer token must get 401" ;; esac

command 1763802900103 "digest"
await_count "new channel posts (moment and digest)" "$CHANNEL_POSTS" 2
DIGEST=$(curl -s -X POST "$FAKE/__admin/requests/find" \
  -d '{"method": "POST", "url": "/teams/v3/conversations", "bodyPatterns": [{"contains": "took part"}]}')
FOUND=$(printf '%s' "$DIGEST" | grep -o -- "$ANSWER" | wc -l || true)
FORGED=$(printf '%s' "$DIGEST" | grep -o -- "A forged answer" | wc -l || true)
echo "The digest Shoptalk posted to the channel contains the answer $FOUND time(s), the unsigned one $FORGED time(s)."
[ "$FOUND" -eq 1 ] && [ "$FORGED" -eq 0 ] \
  || fail "expected the answer exactly once and the unsigned one not at all (journal: $FAKE/__admin/requests)"
echo "OK: a signed install, signed thread replies and a signed digest command reached the digest."
if [ "${KEEP:-0}" = 1 ]; then
  echo "Still running (KEEP=1): Shoptalk pid ${pids[1]}, fake Teams pid ${pids[0]}; journal at $FAKE/__admin/requests"
fi
