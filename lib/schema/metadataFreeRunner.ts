import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What of the running process tells which runner compiled the code. */
export interface ProcessInfo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly execArgv: readonly string[];
  readonly argv: readonly string[];
}

// Runners that compile TypeScript with esbuild, which emits no decorator metadata whatever tsconfig.json
// says: telling their users to turn on emitDecoratorMetadata would send them in circles. vitest is one
// up to vite 7; vite 8 compiles with Oxc, which emits it as tsconfig.json asks (resolveTypes says both).
// vitest sets VITEST in every worker; tsx and esbuild-register load as node flags (--import tsx,
// --require esbuild-register/dist/node, or tsx's own loader paths), visible in execArgv or NODE_OPTIONS.
// Bun is not one of them: it honours emitDecoratorMetadata (oven-sh/bun#5777).
const LOADERS: readonly (readonly [RegExp, string])[] = [
  [/esbuild-register/, 'esbuild-register'],
  [/@esbuild-kit\//, 'esbuild-kit'],
  [/(?:^|[\s/\\=])tsx(?:$|[\s/\\@])/, 'tsx'],
];

/** The runner in use that compiles TypeScript without decorator metadata, when the process shows it; else undefined. */
export function metadataFreeRunner(info: ProcessInfo = process): string | undefined {
  if (info.env['VITEST']) return 'vitest';
  const flags = [...info.execArgv, info.env['NODE_OPTIONS'] ?? '', ...info.argv.slice(0, 2)].join(' ');
  return LOADERS.find(([pattern]) => pattern.test(flags))?.[1];
}

const PACKAGE_NAME = 'dynamodb-decorators';

// This module's own file; Node defines no __filename in an ES module, so in an ES module bundle it is undefined.
const OWN_FILE = typeof __filename === 'string' ? __filename : undefined;

/** The name in the package.json of the package whose `dist/` holds `bundleFile`, if any. */
function packageNameOfDist(bundleFile: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(dirname(bundleFile), '..', 'package.json'), 'utf8'));
    const name = (manifest as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `moduleFile`, the file this module runs from, is an app's bundle (esbuild's, as AWS CDK's
 * NodejsFunction and serverless-esbuild bundle functions) rather than the library as published
 * (its one-file `dist/index.js`, beside the package.json that names it) or its sources
 * (`schema/metadataFreeRunner.ts`); undefined, as in an ES module bundle, is a bundle too.
 */
export function isBundleFile(
  moduleFile: string | undefined,
  packageNameOf: (bundleFile: string) => string | undefined = packageNameOfDist,
): boolean {
  if (moduleFile === undefined) return true;
  if (/[\\/]schema[\\/]metadataFreeRunner\.[cm]?[jt]s$/.test(moduleFile)) return false;
  return !(/[\\/]dist[\\/]index\.js$/.test(moduleFile) && packageNameOf(moduleFile) === PACKAGE_NAME);
}

/** Whether the library runs from a bundle. */
export function runsFromBundle(): boolean {
  return isBundleFile(OWN_FILE);
}
