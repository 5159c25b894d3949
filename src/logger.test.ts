import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level label, ISO time, message and fields', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info('gateway listening', { port: 4000 });
    expect(lines).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), pid: process.pid, port: 4000, msg: 'gateway listening' },
    ]);
  });

  it('carries bindings such as the request id on every line of a child logger', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination }).child({ requestId: 'req_0123456789' });
    log.warn('store deadline passed');
    log.error('request failed', { status: 503 });
    expect(lines.map((l) => l.requestId)).toEqual(['req_0123456789', 'req_0123456789']);
  });

  it('redacts credential-shaped fields, at the top level and one level down', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info('auth', {
      authorization: 'Bearer mtk_live_secret',
      headers: { 'x-api-key': 'mtk_live_secret' },
      apiKey: 'mtk_live_secret',
    });
    expect(JSON.stringify(lines)).not.toContain('mtk_live_secret');
    expect(lines[0]).toMatchObject({ authorization: '[redacted]', headers: { 'x-api-key': '[redacted]' }, apiKey: '[redacted]' });
  });

  it('drops lines below the configured level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.debug('d');
    log.info('i');
    log.warn('w');
    expect(lines.map((l) => l.msg)).toEqual(['w']);
  });
});
