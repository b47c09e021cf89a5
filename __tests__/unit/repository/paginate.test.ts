import { mergePages, pages, readPage, requestLimit, type FetchPage, type Item } from '../../../lib/repository/paginate';

// The pager's own arithmetic, over a fake FetchPage; what engines do with it is tested on engines.

const item = (n: number): Item => ({ id: { N: String(n) }, other: { S: `x${n}` } });

/** A fetch over items 0..count-1 that returns `limit` items a request (or `natural` without one), dropping those `drop` says. */
function fakeFetch(
  count: number,
  natural: number,
  drop: (n: number) => boolean = () => false,
): { fetch: FetchPage; limits: (number | undefined)[] } {
  const limits: (number | undefined)[] = [];
  const fetch: FetchPage = async (startKey, limit) => {
    limits.push(limit);
    const start = startKey ? Number(startKey['id']?.N) + 1 : 0;
    const end = Math.min(count, start + (limit ?? natural));
    const evaluated = Array.from({ length: end - start }, (_, i) => start + i);
    const items = evaluated.filter((n) => !drop(n)).map(item);
    return { items, ...(end < count && { lastKey: { id: { N: String(end - 1) } } }) };
  };
  return { fetch, limits };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const each of iterable) out.push(each);
  return out;
}

describe('requestLimit', () => {
  it.each([
    [undefined, undefined, false, undefined],
    [7, undefined, false, 7],
    [7, 3, false, 3],
    [undefined, 3, false, 3],
    [7, 3, true, 7],
    [undefined, 3, true, undefined],
  ])('pageSize %p, remaining %p, filtered %p → %p', (pageSize, remaining, filtered, expected) => {
    expect(requestLimit(pageSize, remaining, filtered)).toBe(expected);
  });
});

describe('pages', () => {
  it('pages until there is no LastEvaluatedKey', async () => {
    const { fetch, limits } = fakeFetch(20, 100);
    const got = await all(pages(fetch, { pageSize: 7, filtered: false }));
    expect(got.map((page) => page.length)).toEqual([7, 7, 6]);
    expect(limits).toEqual([7, 7, 7]);
  });

  it('stops at limit without asking for more than it needs', async () => {
    const { fetch, limits } = fakeFetch(100, 100);
    expect((await all(pages(fetch, { limit: 10, pageSize: 4, filtered: false }))).flat()).toHaveLength(10);
    expect(limits).toEqual([4, 4, 2]);
  });

  it('cuts the last page at limit when a filter makes counts unknown, and skips empty pages', async () => {
    const { fetch } = fakeFetch(100, 10, (n) => n < 30 || n % 2 === 1);
    const got = await all(pages(fetch, { limit: 6, filtered: true }));
    expect(got.flat().map((each) => each['id']?.N)).toEqual(['30', '32', '34', '36', '38', '40']);
    expect(got.every((page) => page.length > 0)).toBe(true);
  });
});

describe('readPage', () => {
  it('without a limit: one request, and its LastEvaluatedKey', async () => {
    const { fetch, limits } = fakeFetch(30, 12);
    const { items, resumeKey } = await readPage(fetch, { filtered: false }, ['id']);
    expect(items).toHaveLength(12);
    expect(resumeKey).toEqual({ id: { N: '11' } });
    expect(limits).toEqual([undefined]);
  });

  it('fills the page across requests when a filter drops items', async () => {
    const { fetch, limits } = fakeFetch(100, 10, (n) => n % 3 !== 0);
    const { items, resumeKey } = await readPage(fetch, { limit: 5, pageSize: 4, filtered: true }, ['id']);
    expect(items.map((each) => each['id']?.N)).toEqual(['0', '3', '6', '9', '12']);
    expect(limits).toEqual([4, 4, 4, 4]);
    expect(resumeKey).toEqual({ id: { N: '12' } }); // the cut was at the last item returned
  });

  it('cuts a response holding more than fit, resuming right after the last item kept', async () => {
    const { fetch } = fakeFetch(100, 50, (n) => n % 2 === 1);
    const first = await readPage(fetch, { limit: 4, filtered: true }, ['id']);
    expect(first.items.map((each) => each['id']?.N)).toEqual(['0', '2', '4', '6']);
    expect(first.resumeKey).toEqual({ id: { N: '6' } });
    const second = await readPage(fetch, { limit: 4, filtered: true, startKey: first.resumeKey! }, ['id']);
    expect(second.items.map((each) => each['id']?.N)).toEqual(['8', '10', '12', '14']);
  });

  it('ends with no resume key when the read is exhausted', async () => {
    const { fetch } = fakeFetch(5, 100);
    expect(await readPage(fetch, { limit: 10, filtered: false }, ['id'])).toEqual({ items: [0, 1, 2, 3, 4].map(item) });
  });

  it('names a key attribute the engine left out instead of building a bad cursor', async () => {
    const fetch: FetchPage = async () => ({ items: [{ other: { S: 'a' } }, { other: { S: 'b' } }] });
    await expect(readPage(fetch, { limit: 1, filtered: false }, ['id'])).rejects.toThrow(
      /without its key attribute id/,
    );
  });
});

describe('mergePages', () => {
  /** A segment of `count` pages that counts how many it has produced. */
  function segment(count: number, produced: { n: number }, delay = 1): AsyncIterator<number> {
    return (async function* () {
      for (let page = 0; page < count; page += 1) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        produced.n += 1;
        yield page;
      }
    })();
  }

  it('yields every page of every segment, each segment at most one page ahead of the consumer', async () => {
    const produced = { n: 0 };
    const segments = [segment(5, produced), segment(3, produced, 3), segment(8, produced, 2), segment(0, produced)];
    let consumed = 0;
    for await (const _page of mergePages(segments, new AbortController())) {
      consumed += 1;
      expect(produced.n).toBeLessThanOrEqual(consumed + segments.length);
      await new Promise((resolve) => setTimeout(resolve, 5)); // a slow consumer
    }
    expect(consumed).toBe(16);
  });

  it('aborts the other segments on an early exit', async () => {
    const controller = new AbortController();
    for await (const _page of mergePages([segment(100, { n: 0 }), segment(100, { n: 0 })], controller)) break;
    expect(controller.signal.aborted).toBe(true);
  });

  it('fails with the first failing segment, aborting the others', async () => {
    const controller = new AbortController();
    const failing = (async function* () {
      yield 1;
      throw new Error('segment 1 failed');
    })();
    await expect(all(mergePages([segment(100, { n: 0 }, 5), failing], controller))).rejects.toThrow('segment 1 failed');
    expect(controller.signal.aborted).toBe(true);
  });
});

describe('reads that accept only some items (a model with an entity)', () => {
  const even = (candidate: Item) => Number(candidate['id']?.N) % 2 === 0;

  it('pages yield only the accepted items and report every skipped one', async () => {
    const { fetch } = fakeFetch(10, 4);
    const skipped: number[] = [];
    const got = await all(pages(fetch, { filtered: true, accept: even, onSkipped: (count) => skipped.push(count) }));
    expect(got.flat().map((each) => Number(each['id']?.N))).toEqual([0, 2, 4, 6, 8]);
    expect(skipped.reduce((sum, count) => sum + count, 0)).toBe(5);
  });

  it('a page of a limit resumes after its last accepted item, counting only the items skipped before it', async () => {
    const { fetch } = fakeFetch(10, 10);
    let skipped = 0;
    const options = { filtered: true, limit: 2, accept: even, onSkipped: (count: number) => (skipped += count) };
    const first = await readPage(fetch, options, ['id']);
    expect(first.items.map((each) => Number(each['id']?.N))).toEqual([0, 2]);
    expect(first.resumeKey).toEqual({ id: { N: '2' } });
    expect(skipped).toBe(1); // item 1; item 3 comes after the last one taken and is read again
    const second = await readPage(fetch, { ...options, startKey: first.resumeKey! }, ['id']);
    expect(second.items.map((each) => Number(each['id']?.N))).toEqual([4, 6]);
    expect(skipped).toBe(3);
  });
});
