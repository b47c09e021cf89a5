import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The command line is its own entry (package.json "bin"): neither `import 'dynamodb-decorators'` nor
// the testing subpath loads lib/cli/ or its parser, commander.

const lib = resolve(__dirname, '../../../lib');

/** Every module a module loads, followed through relative imports; bare imports by name. */
function loaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s+'([^']+)'/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) visit(`${join(dirname(file), specifier)}.ts`);
      else seen.add(specifier);
    }
  };
  visit(join(lib, entry));
  return seen;
}

describe('entry points', () => {
  it.each(['index.ts', 'testing/index.ts'])('%s loads no part of the command line', (entry) => {
    const modules = [...loaded(entry)];
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((module) => module.includes('/lib/cli/') || module === 'commander')).toEqual([]);
  });

  it('the command line does load commander (the check can fail)', () => {
    expect(loaded('cli/main.ts').has('commander')).toBe(true);
  });
});
