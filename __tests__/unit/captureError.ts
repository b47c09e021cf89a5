// Test helpers: capture what a call throws, so a test can assert on the error's class and fields.

/** What `run` throws (or rejects with); fails the test when it does not throw. */
export async function captureError(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, and it returned');
}

/** What `run` throws synchronously; fails the test when it does not throw. */
export function captureSyncError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, and it returned');
}
