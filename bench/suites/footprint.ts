import '../quiet';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runSuite } from '../child';
import { BENCH_DIRECTORY, packageDirectory, REPOSITORY_DIRECTORY } from '../installation';
import type { FootprintEntry, FootprintResult } from '../results';

// Installed footprint: the production dependency closure of each contender, resolved from
// node_modules the way Node resolves it (the requiring package's node_modules, then each parent's),
// following `dependencies` and non-optional `peerDependencies` (a peer must be installed to run).
// Each package's files are counted without its nested node_modules (those are packages of their own).
// The contenders resolve from bench/, ours from the repository root; a package installed in both
// places at the same version is counted once, as one install in a user's project would hold it.

interface PackageJson {
  name?: string;
  version?: string;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const root = REPOSITORY_DIRECTORY;

function readPackage(directory: string): PackageJson {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson;
}

/** The package folders of the closure, one per name and version. */
function closure(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const copies = new Map<string, string>();
  const visit = (directory: string) => {
    if (seen.has(directory)) return;
    seen.add(directory);
    const manifest = readPackage(directory);
    copies.set(`${manifest.name}@${manifest.version}`, directory);
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
      (name) => !manifest.peerDependenciesMeta?.[name]?.optional,
    );
    for (const name of [...Object.keys(manifest.dependencies ?? {}), ...peers]) {
      const found = packageDirectory(name, directory);
      if (found) visit(found);
    }
  };
  for (const directory of roots) visit(directory);
  return [...copies.values()];
}

function sizeOf(path: string): { files: number; bytes: number } {
  const stats = statSync(path);
  if (!stats.isDirectory()) return { files: 1, bytes: stats.size };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    const inner = sizeOf(join(path, entry));
    files += inner.files;
    bytes += inner.bytes;
  }
  return { files, bytes };
}

/** Our own package as published: package.json, README and dist/ (its "files"), plus its dependencies and any `extra` packages. */
function ours(name: string, extra: readonly string[] = []): FootprintEntry {
  const manifest = readPackage(root);
  const own = ['package.json', 'README.md', ...(manifest.files ?? [])]
    .filter((path) => existsSync(join(root, path)))
    .map((path) => sizeOf(join(root, path)));
  const roots = [...Object.keys(manifest.dependencies ?? {}), ...extra];
  const dependencies = closure(roots.map((packageName) => packageDirectory(packageName, root) ?? '').filter(Boolean));
  const total = [...own, ...dependencies.map(sizeOf)];
  return {
    name,
    roots: ['dynamodb-decorators (dist)', ...roots],
    packages: dependencies.length + 1,
    files: total.reduce((sum, each) => sum + each.files, 0),
    bytes: total.reduce((sum, each) => sum + each.bytes, 0),
  };
}

/** class-validator when it is an optional peer (a model using its decorators needs it), else nothing. */
function optionalValidator(): string[] {
  const manifest = readPackage(root);
  return manifest.peerDependencies?.['class-validator'] !== undefined &&
    manifest.dependencies?.['class-validator'] === undefined
    ? ['class-validator']
    : [];
}

function entry(name: string, roots: readonly string[]): FootprintEntry {
  const packages = closure(
    roots.map((packageName) => packageDirectory(packageName, BENCH_DIRECTORY) ?? '').filter(Boolean),
  );
  const sizes = packages.map(sizeOf);
  return {
    name,
    roots,
    packages: packages.length,
    files: sizes.reduce((sum, each) => sum + each.files, 0),
    bytes: sizes.reduce((sum, each) => sum + each.bytes, 0),
  };
}

runSuite(async (): Promise<FootprintResult> => ({
  entries: [
    ours('ours'),
    ...(optionalValidator().length > 0 ? [ours('oursWithClassValidator', optionalValidator())] : []),
    entry('raw', ['@aws-sdk/client-dynamodb', '@aws-sdk/util-dynamodb']),
    entry('documentClient', ['@aws-sdk/lib-dynamodb']),
    entry('toolbox', ['dynamodb-toolbox']),
    entry('electrodb', ['electrodb']),
    entry('dynamoose', ['dynamoose']),
  ],
}));
