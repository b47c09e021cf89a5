#!/usr/bin/env bash
# The low end of the SDK peer range, tested: installs the oldest @aws-sdk/client-dynamodb the range
# allows (npm install --no-save: package.json and the lockfile stay as they are), type-checks lib/
# against it (every command and field the library sends or reads must exist there), runs the
# integration suite on dynalite, then puts the lockfile's release back, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

range="$(node -p "require('./package.json').peerDependencies['@aws-sdk/client-dynamodb']")"
if [[ ! "$range" =~ ^\^([0-9]+\.[0-9]+\.[0-9]+)$ ]]; then
  echo "oldest-sdk-check: cannot read the oldest release from the peer range '$range' (expected ^X.Y.Z)" >&2
  exit 1
fi
oldest="${BASH_REMATCH[1]}"
locked="$(node -p "require('./package-lock.json').packages['node_modules/@aws-sdk/client-dynamodb'].version")"

# --force: the benchmark's @aws-sdk/lib-dynamodb asks for a newer client as its own peer; it is not
# loaded by the integration suite.
install() {
  npm install --no-save --force --no-audit --no-fund --loglevel=error "@aws-sdk/client-dynamodb@$1" >/dev/null
  local installed
  installed="$(node -p "require('@aws-sdk/client-dynamodb/package.json').version")"
  if [ "$installed" != "$1" ]; then
    echo "oldest-sdk-check: asked for @aws-sdk/client-dynamodb@$1, got $installed" >&2
    exit 1
  fi
}
trap 'install "$locked"; echo "oldest-sdk-check: @aws-sdk/client-dynamodb@$locked (the lockfile'"'"'s) is back"' EXIT

install "$oldest"
echo "oldest-sdk-check: @aws-sdk/client-dynamodb@$oldest, the oldest release of $range"
npx tsc -p tsconfig.build.json --noEmit
echo "oldest-sdk-check: lib/ type-checks against $oldest"

TEST_ENGINES=dynalite npx jest --selectProjects integration
