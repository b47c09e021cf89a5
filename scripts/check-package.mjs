#!/usr/bin/env node
// Checks that the tarball `npm pack` would publish holds exactly what a user's install needs:
// the compiled library (one JS bundle per entry point, the .d.ts of every lib/ module, nothing stale), README.md, LICENSE,
// CHANGELOG.md and package.json; nothing from tests, examples, bench or scripts; no source maps;
// every path package.json names (main, types, exports, typesVersions, bin, sideEffects) inside it;
// every module with a side effect listed in sideEffects, so a bundler keeps it. Run by .ci/run.
//
// `npm pack --dry-run` runs the `prepare` build first, as a real pack does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { entryPoints } from './entryPoints.mjs';

const root = path.resolve(import.meta.dirname, '..');

// What the tarball holds, as patterns (`*` within a folder, `**/` any folders): every packed file
// matches one, and every pattern matches a file. A `testing` subpath compiled from lib/ is covered
// already; a bin or any other file outside dist/ gets its line here.
const EXPECTED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/**/*.js', 'dist/**/*.d.ts'];

// Sources whose declarations the tarball must hold, one to one: `<src>/x.ts` → `<out>/x.d.ts`. The
// JavaScript is one bundle per entry point (scripts/bundle.mjs), and nothing else.
const COMPILED = [{ src: 'lib', out: 'dist' }];

/** Text matched literally inside a regular expression. */
function escapeRegExp(text) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** A glob of EXPECTED or sideEffects (`*` within a folder, `**\/` any folders) as a regular expression over a packed path. */
function globToRegExp(glob) {
  const parts = glob.replace(/^\.\//, '').split(/(\*\*\/|\*)/);
  const source = parts.map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : escapeRegExp(part)));
  return new RegExp(`^${source.join('')}$`);
}

/** A path of package.json's exports (`*` may span folders there) as a regular expression over a packed path. */
function exportTargetToRegExp(target) {
  return new RegExp(`^${target.replace(/^\.\//, '').split('*').map(escapeRegExp).join('.+')}$`);
}

/** The files `npm pack` would publish, as paths relative to the package root. */
function packedFiles() {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [pack] = JSON.parse(output);
  return { files: pack.files.map((file) => file.path).sort(), size: pack.size, unpackedSize: pack.unpackedSize };
}

/** Every .ts source (not .d.ts) under a folder, relative to it, without the extension. */
function sourceModules(folder) {
  const modules = [];
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(root, folder, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) modules.push(child.slice(0, -3));
    }
  };
  walk('');
  return modules;
}

/** Every file path package.json points at: main, types, exports targets, typesVersions targets, bin. */
function referencedPaths(manifest) {
  const found = [];
  const collect = (value) => {
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.types, manifest.typings, manifest.exports, manifest.typesVersions, manifest.bin]);
  return found;
}

/** The relative modules a compiled file loads only for their effect: `require("./x");` or `require("pkg");` as a statement. */
function bareRequires(code) {
  return [...code.matchAll(/^\s*require\("([^"]+)"\);?\s*$/gm)].map((match) => match[1]);
}

function check() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { files, size, unpackedSize } = packedFiles();
  const packed = new Set(files);
  const problems = [];

  const patterns = EXPECTED.map((pattern) => ({ pattern, regExp: globToRegExp(pattern) }));
  for (const file of files) {
    if (!patterns.some(({ regExp }) => regExp.test(file))) problems.push(`unexpected file in the tarball: ${file}`);
  }
  for (const { pattern, regExp } of patterns) {
    if (!files.some((file) => regExp.test(file))) problems.push(`nothing in the tarball matches ${pattern}`);
  }

  for (const { src, out } of COMPILED) {
    const modules = sourceModules(src);
    const bundles = entryPoints(root).map((entry) => path.relative(root, entry));
    const wanted = new Set([...modules.map((module) => `${out}/${module}.d.ts`), ...bundles]);
    for (const file of wanted) if (!packed.has(file)) problems.push(`missing from the tarball: ${file} (from ${src}/)`);
    for (const file of files) {
      if (file.startsWith(`${out}/`) && !wanted.has(file)) problems.push(`stale: ${file} has no source in ${src}/`);
    }
  }

  for (const file of files) {
    if (file.endsWith('.map')) problems.push(`source map in the tarball without its sources: ${file}`);
  }

  for (const target of referencedPaths(manifest)) {
    const regExp = exportTargetToRegExp(target);
    if (!files.some((file) => regExp.test(file))) {
      problems.push(`package.json points at ${target}, which is not in the tarball`);
    }
  }

  // A bundler drops a module listed as free of side effects whose exports go unused, and with it a
  // bare import such as 'reflect-metadata': every module that has one, and every module of ours
  // loaded that way, must be listed.
  if (!Array.isArray(manifest.sideEffects)) {
    problems.push('sideEffects must list the modules with side effects (the entry imports reflect-metadata)');
  } else {
    const listed = manifest.sideEffects.map(globToRegExp);
    const isListed = (file) => listed.some((regExp) => regExp.test(file));
    for (const entry of manifest.sideEffects) {
      const regExp = globToRegExp(entry);
      if (!files.some((file) => regExp.test(file))) problems.push(`sideEffects names ${entry}, not in the tarball`);
    }
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(root, file), 'utf8');
      if (code.includes('//# sourceMappingURL=')) problems.push(`${file} points at a source map that is not shipped`);
      for (const loaded of bareRequires(code)) {
        if (!isListed(file)) problems.push(`${file} loads ${loaded} for its side effects but is not in sideEffects`);
        if (loaded.startsWith('.')) {
          const target = path.posix.join(path.posix.dirname(file), loaded.endsWith('.js') ? loaded : `${loaded}.js`);
          if (!isListed(target)) problems.push(`${target} is loaded for its side effects but is not in sideEffects`);
        }
      }
    }
  }

  // the bundles keep the names users see (`error.constructor.name`, a function in a stack trace):
  // esbuild renames a class that names itself in its body, or a function whose name another module uses
  const require = createRequire(import.meta.url);
  for (const entry of entryPoints(root).filter((file) => !file.endsWith(path.join('cli', 'main.js')))) {
    for (const [name, value] of Object.entries(require(entry))) {
      if (typeof value === 'function' && value.name !== name)
        problems.push(`${path.relative(root, entry)} exports ${name} named ${value.name}: rename it in lib/`);
    }
  }

  const license = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
  if (!license.startsWith(`${manifest.license} License`))
    problems.push(`LICENSE is not the ${manifest.license} license`);

  if (problems.length > 0) {
    console.error(`check-package: ${problems.length} problem(s) with the tarball:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `check-package: the tarball holds exactly what a user needs: ${files.length} files, ` +
      `${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024).toFixed(0)} kB unpacked`,
  );
}

check();
