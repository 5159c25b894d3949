export function rateLimitOf(headers) {
    const limit = integer(headers.get('x-ratelimit-limit'));
    const remaining = integer(headers.get('x-ratelimit-remaining'));
    const reset = integer(headers.get('x-ratelimit-reset'));
    return limit === null || remaining === null || reset === null ? null : { limit, remaining, reset };
}
function integer(text) {
    return text !== null && /^\d+$/.test(text.trim()) ? Number(text) : null;
}
