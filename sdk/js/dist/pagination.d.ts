import type { RateLimit } from './rate-limit.js';
import type { Response } from './http.js';
/**
 * One page of a list. Iterating it (`for await`) yields the items of this page
 * and of every following page, each page fetched when the loop reaches it;
 * leaving the loop (`break`) stops the fetching.
 */
export declare class Page<T> implements AsyncIterable<T> {
    private readonly fetchPage;
    /** The items of this page only. */
    readonly items: T[];
    /** The cursor of the next page; null on the last page. */
    readonly nextCursor: string | null;
    /** Matches over all pages (`total_matched` of trace lists, `total` of the others). */
    readonly total: number;
    /** The rate-limit headers of the response that carried this page. */
    readonly rateLimit: RateLimit | null;
    readonly requestId: string | null;
    constructor(init: {
        items: T[];
        nextCursor: string | null;
        total: number;
        response: Response<unknown>;
    }, fetchPage: (cursor: string) => Promise<Page<T>>);
    hasNextPage(): boolean;
    /** The following page (one request), or null on the last page. */
    nextPage(): Promise<Page<T> | null>;
    /** This page and every following one, each fetched when the loop reaches it. */
    iterPages(): AsyncGenerator<Page<T>, void, undefined>;
    [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined>;
}
/**
 * What a list method returns: `await` it for the first page, or iterate it
 * directly (`for await (const x of client.traces.list())`) to walk every item
 * of every page. The first request is made when either happens, not before.
 */
export declare class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
    private readonly first;
    readonly [Symbol.toStringTag] = "PagePromise";
    private started;
    constructor(first: () => Promise<Page<T>>);
    private page;
    then<A = Page<T>, B = never>(onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B>;
    catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B>;
    finally(onFinally?: (() => void) | null): Promise<Page<T>>;
    [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined>;
}
/**
 * The `cursor` of the `rel="next"` target of a `Link` header (RFC 8288). Only
 * the cursor is taken and sent with this client's own base URL and parameters,
 * so a gateway behind a path-rewriting proxy still pages right.
 */
export declare function cursorOfLink(link: string | null): string | null;
