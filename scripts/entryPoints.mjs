// The package's JavaScript entry points, as files under dist/: every .js file package.json points at
// (main, exports, bin) and the bench's internal entry. `scripts/bundle.mjs` writes one bundle per
// entry point; `scripts/check-package.mjs` expects exactly those .js files in the tarball.
import fs from 'node:fs';
import path from 'node:path';

/** The entry points, as absolute paths, the main entry first. */
export function entryPoints(root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const found = new Set([path.join(root, manifest.main), path.join(root, 'dist/internal.js')]);
  const collect = (value) => {
    if (typeof value === 'string' && value.endsWith('.js')) found.add(path.join(root, value));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.exports, manifest.bin]);
  return [...found];
}
