# Shared by deploy/slack/try-locally.sh and deploy/teams/try-locally.sh (sourced, not run): finds the jars,
# checks the ports, makes the work directory and stops what the script started when it ends.
# Call: try_locally_prepare NAME FAKE_PORT. Sets WORK and WIREMOCK_JAR; add started process ids to pids.

fail() { echo "try-locally: $*" >&2; exit 1; }

try_locally_prepare() { # name of the fake (slack|teams), its port
  local name=$1 fake_port=$2 port
  [ -f "$JAR" ] || fail "$JAR is missing: build it with ./mvnw -B -ntp -q package -DskipTests"
  if [ -z "${WIREMOCK_JAR:-}" ]; then
    WIREMOCK_JAR=$(ls "$HOME"/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null \
      | sort -V | tail -n 1 || true)
  fi
  [ -n "$WIREMOCK_JAR" ] && [ -f "$WIREMOCK_JAR" ] \
    || fail "no wiremock-standalone jar in ~/.m2: run ./mvnw -B -ntp -q -pl app -am verify once, or set WIREMOCK_JAR"
  for port in "$SHOPTALK_PORT" "$fake_port"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
      fail "port $port is in use: set SHOPTALK_PORT and the fake's port variable to free ports"
    fi
  done
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/shoptalk-try-$name.XXXXXX")
  mkdir -p "$WORK/fake-$name/mappings" "$WORK/data"
  echo "Working in $WORK (logs: shoptalk.log, fake-$name.log)"
  pids=()
  trap try_locally_cleanup EXIT
}

try_locally_cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  fi
}
