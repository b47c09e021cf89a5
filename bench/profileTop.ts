import { readFileSync } from 'node:fs';

// Summarises a .cpuprofile (from node --cpu-prof): the functions with the most self time, and
// the same grouped by package or our own dist/ module.
// Usage: node bench/.build/profileTop.js <file.cpuprofile> [count]

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly scriptId: string | number;
  };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function where(url: string, scriptId: string | number = 0): string {
  // code made by new Function / eval has a script but no url (our compiled codecs)
  if (url === '' && String(scriptId) !== '0') return 'generated code (new Function / eval)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const dist = path.indexOf('/dist/');
  if (dist >= 0) return `ours: ${path.slice(dist + 1)}`;
  if (path.startsWith('node:') || !path.includes('/')) return path === '' ? '(native / VM)' : `node: ${path}`;
  return path.split('/').slice(-2).join('/');
}

function main(): void {
  const [file, countText] = process.argv.slice(2);
  if (!file) throw new Error('usage: node profileTop.js <file.cpuprofile> [count]');
  const count = Number(countText ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber, scriptId } = byId.get(id)!.callFrame;
    const place = where(url, scriptId);
    const name = `${functionName || '(anonymous)'}  ${place}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
    for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
      console.log(
        `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      );
    }
  };
  print('self time by function', byFunction);
  print('self time by package / module', byPlace);
  // builtins and node internals (string building, Object.entries, crypto...) charged to the
  // nearest caller in a package or in our dist/: what each package's code costs, all in
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isCode = (frame: ProfileNode['callFrame']) =>
    frame.url.includes('/node_modules/') ||
    frame.url.includes('/dist/') ||
    frame.url.includes('/bench/') ||
    (frame.url === '' && String(frame.scriptId) !== '0');
  const byOwner = new Map<string, number>();
  for (const [id, micros] of self) {
    let current: number | undefined = id;
    while (current !== undefined && !isCode(byId.get(current)!.callFrame)) current = parent.get(current);
    const frame = byId.get(current ?? id)!.callFrame;
    const owner = where(frame.url, frame.scriptId);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
  }
  print('self time with builtins charged to their caller, by package / module', byOwner);
}

main();
