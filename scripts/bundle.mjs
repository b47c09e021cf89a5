#!/usr/bin/env node
// Turns tsc's dist/ (one .js per lib/ module) into one .js per entry point, so `require` reads one
// file instead of some 130: Node's module loader (resolve, stat, read, compile per file) was most of
// the package's cold-import time. The .d.ts files stay one per module. Run by `npm run build`.
//
// The main entry (dist/index.js) holds the library. The other entries (the testing subpath, the
// bench's internal entry) load every module the main entry exports from the main bundle itself,
// so a class they share with it (an error, Repository) is one class, and `instanceof` holds across
// entries; the modules only they use are bundled into them.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const mainEntry = path.join(dist, 'index.js');
const require = createRequire(import.meta.url);

/** The entry points: every JavaScript file package.json points at, and the bench's internal entry. */
function entryPoints() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const found = new Set([path.join(dist, 'internal.js')]);
  const collect = (value) => {
    if (typeof value === 'string' && value.endsWith('.js')) found.add(path.join(root, value));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.exports, manifest.bin]);
  return [...found];
}

/** A compiled module whose every export is the main entry's export of the same name: loaded from the main bundle. */
function exportedByMain(file) {
  const main = require(mainEntry);
  const exports = require(file);
  const names = Object.keys(exports);
  return names.length > 0 && names.every((name) => main[name] === exports[name]);
}

/** Resolves a relative import of a compiled module to its file. */
function resolveCompiled(importer, request) {
  const target = path.resolve(path.dirname(importer), request);
  return fs.existsSync(`${target}.js`) ? `${target}.js` : target;
}

/** Makes every import of a module the main entry exports an import of the main bundle. */
function fromMainBundle(outfile, shared) {
  return {
    name: 'from-main-bundle',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, ({ path: request, importer }) => {
        const file = resolveCompiled(importer, request);
        if (file !== mainEntry && !exportedByMain(file)) return undefined;
        shared.add(path.relative(dist, file));
        let relative = path.relative(path.dirname(outfile), mainEntry);
        if (!relative.startsWith('.')) relative = `./${relative}`;
        return { path: relative, external: true };
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // the peers and optional peers are the user's: never copied in
  packages: 'external',
  allowOverwrite: true,
  // error classes are named by their constructor in messages and stack traces
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

async function main() {
  const entries = entryPoints();
  const others = entries.filter((entry) => entry !== mainEntry);
  const written = new Set();
  // the other entries first: they read the main entry's per-module form to know what it exports
  for (const entry of others) {
    const shared = new Set();
    const result = await build({ ...common, entryPoints: [entry], outfile: entry, plugins: [fromMainBundle(entry, shared)] });
    for (const output of Object.keys(result.metafile.outputs)) written.add(path.resolve(root, output));
    const own = Object.keys(result.metafile.inputs).filter((input) => path.resolve(root, input) !== entry);
    console.log(
      `bundle: ${path.relative(root, entry)}: ${own.length + 1} modules of its own, ${shared.size} from the main bundle`,
    );
  }
  const result = await build({ ...common, entryPoints: [mainEntry], outfile: mainEntry });
  written.add(mainEntry);
  console.log(`bundle: dist/index.js: ${Object.keys(result.metafile.inputs).length} modules`);
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
