import { describe, expect, it } from 'vitest';
import { INITIAL_SEARCH, parseSearch, resolveWindow, searchParams, toOrderBy, toTraceFilter, type SearchState } from './search-state';

const window = { from: '2026-03-15T09:00:00.000Z', to: '2026-03-15T10:00:00.000Z' };

describe('the trace search in the URL', () => {
  it('survives a round trip through the query string, attribute values with ~ included', () => {
    const state: SearchState = {
      ...INITIAL_SEARCH,
      ...window,
      text: { ...INITIAL_SEARCH.text, service: 'payment-svc', environment: 'production' },
      status: 'ERROR',
      minDurationMs: '100',
      attributes: [
        { scope: 'span', key: 'http.route', type: 'STRING', operator: 'STARTS_WITH', value: '/api/~v1' },
        { scope: 'resource', key: 'k8s.cluster.name', type: 'STRING', operator: 'EQ', value: 'prod-eu-1' },
      ],
      order: 'DURATION_DESC',
      cursors: ['c1', 'c2'],
    };
    expect(parseSearch(searchParams(state))).toEqual(state);
  });

  it('keeps only the search expression in query mode', () => {
    const params = searchParams({
      ...INITIAL_SEARCH,
      ...window,
      mode: 'query',
      query: 'duration > 100ms',
      text: { ...INITIAL_SEARCH.text, service: 'ignored' },
    });
    expect(Object.fromEntries(params)).toEqual({ mode: 'query', window: '1h', ...window, q: 'duration > 100ms' });
  });

  it('ignores what it does not understand instead of failing', () => {
    const state = parseSearch(
      new URLSearchParams('window=3y&status=BROKEN&order=SIDEWAYS&from=yesterday&attr=bad&attr=span~INT~GT~http.status_code~499'),
    );
    expect(state).toMatchObject({ window: '1h', status: '', order: 'START_TIME_DESC', from: null });
    expect(state.attributes).toEqual([{ scope: 'span', type: 'INT', operator: 'GT', key: 'http.status_code', value: '499' }]);
  });

  it('builds the TraceFilter from the fields that are filled in, span and resource attributes apart', () => {
    const state: SearchState = {
      ...INITIAL_SEARCH,
      text: { ...INITIAL_SEARCH.text, service: ' order-svc ', traceId: '' },
      spanStatus: 'ERROR',
      maxDurationMs: '250.5',
      minDurationMs: 'abc',
      attributes: [
        { scope: 'span', key: 'http.method', type: 'STRING', operator: 'EQ', value: 'POST' },
        { scope: 'resource', key: 'cloud.region', type: 'STRING', operator: 'NEQ', value: 'us-east-1' },
        { scope: 'span', key: '  ', type: 'STRING', operator: 'EQ', value: 'dropped: no key' },
      ],
    };
    expect(toTraceFilter(state, window)).toEqual({
      ...window,
      service: 'order-svc',
      spanStatus: 'ERROR',
      maxDurationMs: 250.5,
      attributes: [{ key: 'http.method', type: 'STRING', operator: 'EQ', value: 'POST' }],
      resourceAttributes: [{ key: 'cloud.region', type: 'STRING', operator: 'NEQ', value: 'us-east-1' }],
    });
    expect(toOrderBy('DURATION_ASC')).toEqual({ field: 'DURATION', direction: 'ASC' });
  });

  it('pins a relative window to absolute bounds when the search is submitted, and keeps a custom one', () => {
    const now = Date.parse('2026-03-15T10:00:00Z');
    expect(resolveWindow({ ...INITIAL_SEARCH, window: '6h' }, now)).toEqual({
      from: '2026-03-15T04:00:00.000Z',
      to: '2026-03-15T10:00:00.000Z',
    });
    expect(resolveWindow({ ...INITIAL_SEARCH, window: 'custom', ...window }, now)).toEqual(window);
  });
});
