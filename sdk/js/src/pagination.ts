import type { RateLimit } from './rate-limit.js';
import type { Response } from './http.js';

/**
 * One page of a list. Iterating it (`for await`) yields the items of this page
 * and of every following page, each page fetched when the loop reaches it;
 * leaving the loop (`break`) stops the fetching.
 */
export class Page<T> implements AsyncIterable<T> {
  /** The items of this page only. */
  readonly items: T[];
  /** The cursor of the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** Matches over all pages (`total_matched` of trace lists, `total` of the others). */
  readonly total: number;
  /** The rate-limit headers of the response that carried this page. */
  readonly rateLimit: RateLimit | null;
  readonly requestId: string | null;

  constructor(
    init: { items: T[]; nextCursor: string | null; total: number; response: Response<unknown> },
    private readonly fetchPage: (cursor: string) => Promise<Page<T>>,
  ) {
    this.items = init.items;
    this.nextCursor = init.nextCursor;
    this.total = init.total;
    this.rateLimit = init.response.rateLimit;
    this.requestId = init.response.requestId;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  /** The following page (one request), or null on the last page. */
  nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? Promise.resolve(null) : this.fetchPage(this.nextCursor);
  }

  /** This page and every following one, each fetched when the loop reaches it. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> | null = this;
    while (page !== null) {
      yield page;
      page = await page.nextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/**
 * What a list method returns: `await` it for the first page, or iterate it
 * directly (`for await (const x of client.traces.list())`) to walk every item
 * of every page. The first request is made when either happens, not before.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly [Symbol.toStringTag] = 'PagePromise';
  private started: Promise<Page<T>> | null = null;

  constructor(private readonly first: () => Promise<Page<T>>) {}

  private page(): Promise<Page<T>> {
    this.started ??= this.first();
    return this.started;
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.page().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.page().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.page().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this.page();
  }
}

const NEXT_LINK = /<([^>]*)>\s*;\s*rel="?next"?/;

/**
 * The `cursor` of the `rel="next"` target of a `Link` header (RFC 8288). Only
 * the cursor is taken and sent with this client's own base URL and parameters,
 * so a gateway behind a path-rewriting proxy still pages right.
 */
export function cursorOfLink(link: string | null): string | null {
  const target = link === null ? undefined : NEXT_LINK.exec(link)?.[1];
  if (target === undefined) return null;
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('cursor');
}
