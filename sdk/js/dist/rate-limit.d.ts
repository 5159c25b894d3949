/** The X-RateLimit-* headers of a response: the key's budget per minute, what is left, and when (epoch seconds) it is whole again. */
export interface RateLimit {
    readonly limit: number;
    readonly remaining: number;
    readonly reset: number;
}
export declare function rateLimitOf(headers: Headers): RateLimit | null;
