/**
 * Keeps this process's event loop alive until `work` settles, and returns it.
 *
 * The engines unref their sockets and processes so that a forgotten engine never holds a script
 * open. What their stop() awaits (a server closing, a child exiting) is then unref'd too: with
 * nothing else pending, Node would exit with code 0 in the middle of `await engine.stop()`.
 */
export function keepProcessAliveUntil<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 60_000);
  return work.finally(() => clearInterval(timer));
}
