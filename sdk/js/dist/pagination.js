/**
 * One page of a list. Iterating it (`for await`) yields the items of this page
 * and of every following page, each page fetched when the loop reaches it;
 * leaving the loop (`break`) stops the fetching.
 */
export class Page {
    fetchPage;
    /** The items of this page only. */
    items;
    /** The cursor of the next page; null on the last page. */
    nextCursor;
    /** Matches over all pages (`total_matched` of trace lists, `total` of the others). */
    total;
    /** The rate-limit headers of the response that carried this page. */
    rateLimit;
    requestId;
    constructor(init, fetchPage) {
        this.fetchPage = fetchPage;
        this.items = init.items;
        this.nextCursor = init.nextCursor;
        this.total = init.total;
        this.rateLimit = init.response.rateLimit;
        this.requestId = init.response.requestId;
    }
    hasNextPage() {
        return this.nextCursor !== null;
    }
    /** The following page (one request), or null on the last page. */
    nextPage() {
        return this.nextCursor === null ? Promise.resolve(null) : this.fetchPage(this.nextCursor);
    }
    /** This page and every following one, each fetched when the loop reaches it. */
    async *iterPages() {
        let page = this;
        while (page !== null) {
            yield page;
            page = await page.nextPage();
        }
    }
    async *[Symbol.asyncIterator]() {
        for await (const page of this.iterPages())
            yield* page.items;
    }
}
/**
 * What a list method returns: `await` it for the first page, or iterate it
 * directly (`for await (const x of client.traces.list())`) to walk every item
 * of every page. The first request is made when either happens, not before.
 */
export class PagePromise {
    first;
    [Symbol.toStringTag] = 'PagePromise';
    started = null;
    constructor(first) {
        this.first = first;
    }
    page() {
        this.started ??= this.first();
        return this.started;
    }
    then(onFulfilled, onRejected) {
        return this.page().then(onFulfilled, onRejected);
    }
    catch(onRejected) {
        return this.page().catch(onRejected);
    }
    finally(onFinally) {
        return this.page().finally(onFinally);
    }
    async *[Symbol.asyncIterator]() {
        yield* await this.page();
    }
}
const NEXT_LINK = /<([^>]*)>\s*;\s*rel="?next"?/;
/**
 * The `cursor` of the `rel="next"` target of a `Link` header (RFC 8288). Only
 * the cursor is taken and sent with this client's own base URL and parameters,
 * so a gateway behind a path-rewriting proxy still pages right.
 */
export function cursorOfLink(link) {
    const target = link === null ? undefined : NEXT_LINK.exec(link)?.[1];
    if (target === undefined)
        return null;
    const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
    return new URLSearchParams(query).get('cursor');
}
