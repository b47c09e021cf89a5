import { BATCH_OPTIONS, backoffDelay, resolveBatchOptions, sendChunks } from '../../../lib/repository/sendChunks';
import { optionIssues } from '../../../lib/validation/checkOptions';

// The retry loop against a scripted `send`: what an engine answers is tested on the engines
// (batches.test.ts); here only the loop's bookkeeping, bounds and backoff.

describe('resolveBatchOptions and BATCH_OPTIONS', () => {
  it('defaults to 8 retries and 4 requests in flight', () => {
    expect(resolveBatchOptions({})).toEqual({ maxRetries: 8, concurrency: 4 });
    expect(resolveBatchOptions()).toEqual({ maxRetries: 8, concurrency: 4 });
    expect(resolveBatchOptions({ maxRetries: 0, concurrency: 1 })).toEqual({ maxRetries: 0, concurrency: 1 });
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ concurrency: Number.NaN }, 'concurrency'],
    [{ concurency: 2 }, 'concurency'],
  ])('names %j as an issue on %s', (options, attribute) => {
    expect(optionIssues(options, BATCH_OPTIONS, 'batchGet')).toEqual([expect.objectContaining({ attribute })]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially from 50 ms up to a 2 s cap, with full jitter', () => {
    expect([0, 1, 2, 5, 6, 20].map((attempt) => backoffDelay(attempt, () => 0.999999))).toEqual(
      [50, 100, 200, 1600, 2000, 2000].map((ceiling) => expect.closeTo(ceiling, 1)),
    );
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(200);
  });
});

describe('sendChunks', () => {
  const options = { maxRetries: 3, concurrency: 2 };

  it('never has more than `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const send = async (): Promise<number[]> => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return [];
    };
    await sendChunks([[1], [2], [3], [4], [5]], options, send);
    expect(peak).toBe(2);
  });

  it('resends only what was unprocessed, until nothing is left', async () => {
    const sent: number[][] = [];
    const send = async (requests: readonly number[]): Promise<number[]> => {
      sent.push([...requests]);
      return requests.slice(1); // one request processed per call
    };
    await expect(sendChunks([[1, 2, 3]], options, send)).resolves.toEqual({ left: [], errors: [] });
    expect(sent).toEqual([[1, 2, 3], [2, 3], [3]]);
  });

  it('stops after maxRetries and reports what is still unprocessed', async () => {
    let calls = 0;
    const send = async (requests: readonly number[]): Promise<readonly number[]> => {
      calls += 1;
      return requests;
    };
    await expect(sendChunks([[1, 2], [3]], options, send)).resolves.toEqual({ left: [1, 2, 3], errors: [] });
    expect(calls).toBe(2 * (1 + options.maxRetries));
  });

  it("reports a failed chunk's pending requests with its error; the other chunks go on", async () => {
    const reset = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    const send = async (requests: readonly number[]): Promise<number[]> => {
      if (requests.includes(3)) throw reset;
      return [];
    };
    await expect(sendChunks([[1, 2], [3, 4], [5]], options, send)).resolves.toEqual({ left: [3, 4], errors: [reset] });
  });

  it('reports only what was left when a retry fails after partial progress', async () => {
    const reset = new Error('reset');
    let calls = 0;
    const send = async (requests: readonly number[]): Promise<readonly number[]> => {
      calls += 1;
      if (calls === 1) return requests.slice(2);
      throw reset;
    };
    await expect(sendChunks([[1, 2, 3, 4]], options, send)).resolves.toEqual({ left: [3, 4], errors: [reset] });
  });

  it("reports every request with each chunk's error when no request succeeds: the same answer as a partial failure", async () => {
    const missing = Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' });
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    let calls = 0;
    const send = async (requests: readonly number[]): Promise<never> => {
      calls += 1;
      throw requests.includes(3) ? denied : missing;
    };
    await expect(sendChunks([[1, 2], [3, 4], [5]], options, send)).resolves.toEqual({
      left: [1, 2, 3, 4, 5],
      errors: [missing, denied, missing],
    });
    expect(calls).toBe(3); // a thrown error ends its chunk: no retry on top of the SDK's own
  });

  it('sends nothing for no chunks', async () => {
    const send = jest.fn(async () => []);
    await expect(sendChunks([], options, send)).resolves.toEqual({ left: [], errors: [] });
    expect(send).not.toHaveBeenCalled();
  });
});
