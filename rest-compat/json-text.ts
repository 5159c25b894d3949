/**
 * JSON text of a response body, as JSON.stringify writes it, except that a
 * `bigint` is written as a JSON integer of its exact digits, and −0 as `-0`.
 * Int64 attribute values (up to 2^63 − 1) thus reach the client digit for
 * digit: they never pass through a JS number, which holds 53 bits. (`JSON.rawJSON`
 * would do this, but Node 20 lacks it.) JSON.stringify writes −0 as `0`, which
 * would turn a −0.0 double attribute into +0; `-0` is a valid JSON number that
 * JSON.parse, Go's encoding/json and Jackson read back as −0.
 */
export function jsonText(value: unknown): string {
  return write(value) ?? 'null';
}

/** undefined where JSON.stringify omits a value (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  if (Object.is(value, -0)) return '-0';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) as string | undefined;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(value));
  if (Array.isArray(value)) return `[${value.map((element: unknown) => write(element) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    const text = write(member);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
