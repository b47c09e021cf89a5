// A program's main: the walk-through on dynalite started in-process by the package's testing subpath.
import { OrmError, Repository } from 'dynamodb-decorators';
import { startDynalite } from 'dynamodb-decorators/testing';
import { createTable, decoratorMode, moduleKind, walkthrough, type Phone } from './walkthrough.js';

/** Prints the walk-through's lines; a failure is one `failed:` line and exit code 1. */
export function run(Model: new () => Phone): void {
  main(Model).catch((error: unknown) => {
    const kind = error instanceof OrmError ? ' (an OrmError of dynamodb-decorators)' : '';
    console.log(error instanceof Error ? `failed: ${error.name}${kind}: ${error.message}` : `failed: ${String(error)}`);
    process.exitCode = 1;
  });
}

async function main(Model: new () => Phone): Promise<void> {
  console.log(`module: ${moduleKind()}`);
  console.log(`decorators: ${decoratorMode(Model)}`);
  const engine = await startDynalite();
  try {
    const phones = new Repository<Phone>(Model, { client: engine.client });
    console.log(await createTable(phones));
    for (const line of await walkthrough(phones, Model)) console.log(line);
  } finally {
    await engine.stop();
  }
}
