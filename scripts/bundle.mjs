#!/usr/bin/env node
// Writes one .js per entry point into dist/, bundled from the TypeScript sources, so `require` reads
// one file instead of some 130: Node's module loader (resolve, stat, read, compile per file) was most
// of the package's cold-import time. Modules written as ES modules then share one scope, without a
// CommonJS wrapper and an exports object each, and Node finds every entry's named exports for an ES
// module app (esbuild annotates them). tsc's output (run first by `npm run build`) gives the .d.ts
// files, one per module, and tells what each module exports; its .js files are deleted at the end.
//
// The main entry (dist/index.js) holds the library. The other entries (the testing subpath, the
// bench's internal entry) load everything the main entry exports from the main bundle itself, so
// a class they share with it (an error, Repository) is one class, and `instanceof` holds across
// entries; the code only they use is bundled into them.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { entryPoints } from './entryPoints.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const mainEntry = path.join(dist, 'index.js');
const require = createRequire(import.meta.url);

/** The names a compiled module exports that the main entry exports too, as the same value. */
function sharedExports(file) {
  const main = require(mainEntry);
  const exports = require(file);
  const names = Object.keys(exports).filter((name) => name !== '__esModule');
  return { names, shared: names.filter((name) => main[name] === exports[name]) };
}

// how the code written for a partly shared module names the main bundle
const MAIN_BUNDLE = 'main-bundle:';

const lib = path.join(root, 'lib');

/** The source of a compiled file, and the reverse. */
const sourceOf = (compiled) => path.join(lib, path.relative(dist, compiled)).replace(/\.js$/, '.ts');
const compiledOf = (source) => path.join(dist, path.relative(lib, source)).replace(/\.ts$/, '.js');

/** Resolves a relative import in a source module to the source file (`./x` is `./x.ts` or `./x/index.ts`). */
function resolveSource(importer, request) {
  const target = path.resolve(path.dirname(importer), request);
  return fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
}

/**
 * Loads what the main entry exports from the main bundle: a module all of whose exports it has
 * becomes the main bundle; a module with some (an error class beside an internal helper) becomes
 * its own code with those names taken from the main bundle, so a subclass here extends the
 * main bundle's class.
 */
function fromMainBundle(outfile, shared) {
  let mainPath = path.relative(path.dirname(outfile), mainEntry);
  if (!mainPath.startsWith('.')) mainPath = `./${mainPath}`;
  return {
    name: 'from-main-bundle',
    setup(builder) {
      builder.onResolve({ filter: /^main-bundle:$/ }, () => ({ path: mainPath, external: true }));
      builder.onResolve({ filter: /^\./ }, ({ path: request, importer, namespace }) => {
        if (namespace !== 'file') return undefined; // the shim's own require of the module's source
        const source = resolveSource(importer, request);
        const compiled = compiledOf(source);
        if (compiled === mainEntry) return { path: mainPath, external: true };
        const { names, shared: fromMain } = sharedExports(compiled);
        if (fromMain.length === 0) return undefined;
        shared.add(path.relative(lib, source));
        if (fromMain.length === names.length) return { path: mainPath, external: true };
        // a path relative to the root: esbuild writes it into the bundle as a comment
        return { path: path.relative(root, source), namespace: 'partly-shared', pluginData: { fromMain } };
      });
      builder.onLoad({ filter: /.*/, namespace: 'partly-shared' }, ({ path: relative, pluginData }) => {
        const file = path.join(root, relative);
        const main = `require(${JSON.stringify(MAIN_BUNDLE)})`;
        const taken = pluginData.fromMain.map((name) => `${name}: ${main}.${name}`).join(', ');
        // esbuild bundles the module's own code from its source; the shared names come from the main bundle
        const own = `./${path.basename(file)}`;
        const contents = `module.exports = Object.assign({}, require(${JSON.stringify(own)}), { ${taken} });`;
        return { contents, loader: 'js', resolveDir: path.dirname(file) };
      });
    },
  };
}

const common = {
  bundle: true,
  tsconfig: path.join(root, 'tsconfig.build.json'),
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // the peers and optional peers are the user's: never copied in
  packages: 'external',
  allowOverwrite: true,
  // No keepNames: it wraps every function and closure in a `__name()` call, made again each time a
  // closure is created, which cost the hot paths (updateRecord, deleteRecord) a few per cent of their CPU
  // time. Error classes state their names (nameErrorClass); esbuild renames a class only where two collide.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

async function main() {
  const entries = entryPoints(root);
  const others = entries.filter((entry) => entry !== mainEntry);
  const written = new Set();
  // the other entries first: they read the main entry's per-module form to know what it exports
  for (const entry of others) {
    const shared = new Set();
    const result = await build({
      ...common,
      entryPoints: [sourceOf(entry)],
      outfile: entry,
      plugins: [fromMainBundle(entry, shared)],
    });
    for (const output of Object.keys(result.metafile.outputs)) written.add(path.resolve(root, output));
    const own = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('partly-shared:'));
    console.error(
      `bundle: ${path.relative(root, entry)}: ${own.length} modules of its own, ${shared.size} from the main bundle`,
    );
  }
  const result = await build({ ...common, entryPoints: [sourceOf(mainEntry)], outfile: mainEntry });
  written.add(mainEntry);
  console.error(`bundle: dist/index.js: ${Object.keys(result.metafile.inputs).length} modules`);
  removeModulesBundled(written);
}

/** Deletes the per-module .js files, now inside the bundles; the .d.ts files stay. */
function removeModulesBundled(written) {
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js') && !written.has(file)) fs.rmSync(file);
    }
  };
  walk(dist);
}

await main();
