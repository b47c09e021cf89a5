#!/usr/bin/env bash
# A user's app, outside the repository, on its own AWS SDK: installs the packed tarball beside
# @aws-sdk/client-dynamodb at a release of the peer range other than the one we develop on, and
# reflect-metadata at the low end of its range; type-checks (tsc 5.9) a Repository built on the
# app's own DynamoDBClient; runs createTable/createRecord/getRecord on dynalite; checks that
# the app's tree holds one copy of the SDK (and of reflect-metadata); and runs the installed
# `dynamodb-decorators describe` on the app's model.
#
#   scripts/consumer-sdk-check.sh [tarball]     (default: `npm pack` of this checkout)
#   CONSUMER_SDK_VERSION=3.901.0 CONSUMER_REFLECT_METADATA_VERSION=0.1.12 (the defaults)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
sdk_version="${CONSUMER_SDK_VERSION:-3.901.0}"
reflect_metadata_version="${CONSUMER_REFLECT_METADATA_VERSION:-0.1.12}"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

app="$(mktemp -d)"
trap 'rm -rf "$app"' EXIT

tarball="${1:-}"
if [ -z "$tarball" ]; then
  # --json keeps the prepare build's output on stderr, so stdout is only the pack's description
  name="$(cd "$repo" && npm pack --json --pack-destination "$app" | node -e "process.stdout.write(JSON.parse(require('fs').readFileSync(0, 'utf8'))[0].filename)")"
  tarball="$app/$name"
fi
tarball="$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")"

cd "$app"
cat > package.json <<'JSON'
{ "name": "consumer-app", "version": "1.0.0", "private": true }
JSON
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "strict": true,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "types": ["node"],
    "outDir": "build"
  },
  "files": ["app.ts"]
}
JSON
cat > app.ts <<'TS'
import 'reflect-metadata';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Attribute, PartitionKey, Repository, Table } from 'dynamodb-decorators';

@Table({ name: 'consumer-phones' })
export class Phone {
  @PartitionKey() person_id!: number;
  @Attribute() name!: string;
}

/** The app's own client, from the app's own SDK copy, handed to the library. */
export async function run(endpoint: string): Promise<Phone> {
  const client: DynamoDBClient = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const phones = new Repository(Phone, { client });
    await phones.createTable();
    await phones.createRecord({ person_id: 1, name: 'Ada' });
    return await phones.getRecord(1);
  } finally {
    client.destroy();
  }
}
TS
cat > main.js <<'JS'
// Starts dynalite (the repository's copy: the engine is not part of the app) and runs the app on it.
const dynalite = require(process.env.DYNALITE_MODULE);
const { Phone, run } = require('./build/app.js');

const server = dynalite({ createTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  run(`http://127.0.0.1:${server.address().port}`)
    .then((phone) => {
      if (!(phone instanceof Phone) || phone.name !== 'Ada') throw new Error(`unexpected record: ${JSON.stringify(phone)}`);
      console.log(`consumer: createTable, createRecord, getRecord on dynalite: ${JSON.stringify(phone)}, a Phone`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => server.close());
});
JS

npm install --no-audit --no-fund --loglevel=error "$tarball" "@aws-sdk/client-dynamodb@$sdk_version" \
  "reflect-metadata@$reflect_metadata_version" typescript@5.9 @types/node@20

# one copy of each peer: the app's own, which the library uses too
for peer in @aws-sdk/client-dynamodb reflect-metadata; do
  npm ls "$peer"
  copies="$(find node_modules -path "*/$peer/package.json" | wc -l)"
  if [ "$copies" -ne 1 ]; then
    echo "consumer: $copies copies of $peer in the app's tree, expected 1" >&2
    exit 1
  fi
done

echo "consumer: tsc $(npx tsc --version) with SDK $sdk_version and reflect-metadata $reflect_metadata_version"
npx tsc -p tsconfig.json
DYNALITE_MODULE="$repo/node_modules/dynalite" node main.js

# the command line from the tarball, as npx runs it there (its bin, its commander dependency)
description="$(npx --no-install dynamodb-decorators describe build/app.js)"
echo "$description"
grep -q '^Phone -> table consumer-phones$' <<<"$description"
