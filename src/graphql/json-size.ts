/**
 * The length in UTF-8 bytes of `JSON.stringify(value)`, counted without
 * building the text, and abandoned as soon as it passes `max` (then any
 * number above `max` is returned): a response over the size limit costs a
 * walk up to the limit, not a second copy of itself. Values are what GraphQL
 * execution produces: plain objects, arrays, strings, finite numbers,
 * booleans and null.
 */
export function jsonBytesUpTo(value: unknown, max: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= max) {
    const item = stack.pop();
    if (item === null || item === undefined) total += 4;
    else if (typeof item === 'string') total += stringBytes(item);
    else if (typeof item === 'number') total += Number.isFinite(item) ? String(item).length : 4;
    else if (typeof item === 'boolean') total += item ? 4 : 5;
    else if (typeof item === 'bigint') total += String(item).length;
    else if (Array.isArray(item)) {
      total += 2 + Math.max(0, item.length - 1);
      for (const element of item) stack.push(element);
    } else if (typeof item === 'object') {
      const entries = Object.entries(item).filter(([, v]) => v !== undefined && typeof v !== 'function');
      total += 2 + Math.max(0, entries.length - 1);
      for (const [key, v] of entries) {
        total += stringBytes(key) + 1;
        stack.push(v);
      }
    }
  }
  return total;
}

/** A string as a JSON string literal, in UTF-8 bytes (quotes and escapes included). */
function stringBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text));
}
