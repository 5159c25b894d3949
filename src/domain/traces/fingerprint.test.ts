import { describe, expect, it } from 'vitest';
import { issueFingerprint, normaliseMessage, topFrames } from './fingerprint.js';
import type { KeyValue, OtlpSpan } from '../../otlp/otlp.types.js';

const str = (key: string, value: string): KeyValue => ({ key, value: { type: 'string', value } });

function errorSpan(type: string, message: string, stack: string, code: 0 | 1 | 2 = 2): Pick<OtlpSpan, 'status' | 'events'> {
  return {
    status: { code, message: '' },
    events: [
      {
        name: 'exception',
        timeUnixNano: 1n,
        droppedAttributesCount: 0,
        attributes: [str('exception.type', type), str('exception.message', message), str('exception.stacktrace', stack)],
      },
    ],
  };
}

const NODE_STACK = (line: number) => `Error: order 42 not found
    at findOrder (/app/src/orders.js:${line}:11)
    at handle (/app/src/routes.js:88:5)
    at process (/app/src/server.js:12:3)
    at next (/app/node_modules/express/router.js:1:1)`;

describe('issueFingerprint', () => {
  it('groups the same failure across ids, numbers and deploys (line numbers)', () => {
    const a = issueFingerprint(
      errorSpan('NotFoundError', 'order 1234 not found (req 5f0c2a9e-1b2c-4d3e-8f9a-0b1c2d3e4f5a)', NODE_STACK(10)),
    );
    const b = issueFingerprint(errorSpan('NotFoundError', 'order 98 not found (req 0f0c2a9e-1b2c-4d3e-8f9a-0b1c2d3e4f5b)', NODE_STACK(14)));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
  });

  it('separates different exception types and different code paths', () => {
    const base = issueFingerprint(errorSpan('NotFoundError', 'order 1 not found', NODE_STACK(10)));
    expect(issueFingerprint(errorSpan('TimeoutError', 'order 1 not found', NODE_STACK(10)))).not.toBe(base);
    expect(issueFingerprint(errorSpan('NotFoundError', 'order 1 not found', NODE_STACK(10).replace('findOrder', 'loadOrder')))).not.toBe(
      base,
    );
  });

  it('is null for spans that did not fail or carry no exception event', () => {
    expect(issueFingerprint(errorSpan('E', 'm', '', 1))).toBeNull();
    expect(issueFingerprint({ status: { code: 2, message: 'x' }, events: [] })).toBeNull();
  });
});

describe('normaliseMessage', () => {
  it('replaces the variable parts of a message', () => {
    expect(normaliseMessage(`user "bob" 42 failed at 0xdeadbeef with 3.5s`)).toBe('user <str> <n> failed at <hex> with <n>s');
  });
});

describe('topFrames', () => {
  it('keeps the first three frames without line and column numbers', () => {
    expect(topFrames(NODE_STACK(10))).toEqual([
      'at findOrder (/app/src/orders.js',
      'at handle (/app/src/routes.js',
      'at process (/app/src/server.js',
    ]);
  });
  it('reads Python tracebacks', () => {
    const py = `Traceback (most recent call last):\n  File "/app/pay.py", line 12, in charge\n    raise Declined()\nDeclined`;
    expect(topFrames(py)).toEqual(['File "/app/pay.py", in charge']);
  });
});
