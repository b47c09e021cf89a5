import './quiet';
import { startDynalite, startDynamoDBLocal, type RunningEngine } from 'dynamodb-decorators/testing';

// Hosts one engine in a process of its own, so that the suites' processes hold only client
// work (their CPU profile and RSS are the client's). Prints `{"endpoint": ...}` on one line once
// the engine answers; stops it when stdin closes (the runner ends or dies) or on SIGTERM.

async function main(): Promise<void> {
  const name = process.argv[2];
  let engine: RunningEngine;
  if (name === 'dynalite') engine = await startDynalite();
  else if (name === 'dynamodb-local') engine = await startDynamoDBLocal();
  else throw new Error(`unknown engine ${String(name)}: dynalite or dynamodb-local`);
  // dynalite unrefs its server (a forgotten engine must not keep a script alive): this process exists to keep it
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    engine.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ endpoint: engine.endpoint })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
