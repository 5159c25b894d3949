import { describe, expect, it } from 'vitest';
import { completenessFact, resultsBannerText, traceBannerText } from './completeness';

const drops = {
  status: 'DROPS_REPORTED' as const,
  droppedSpans: '12',
  clusters: ['prod-eu-1'],
  reports: [{ nodeId: 'col-1', cluster: 'prod-eu-1', droppedSpans: '12' }],
};

describe('completeness texts', () => {
  it('warns on a trace view only when drops were reported, naming nodes and figures', () => {
    expect(traceBannerText(drops)).toBe(
      'Collector nodes in prod-eu-1 reported dropping 12 spans while this trace ran, so some of its spans may be missing. col-1 (prod-eu-1): 12.',
    );
    expect(traceBannerText({ ...drops, status: 'NO_DROPS_REPORTED', droppedSpans: '0', reports: [] })).toBeNull();
    expect(traceBannerText({ ...drops, status: 'UNKNOWN', droppedSpans: '0', reports: [] })).toBeNull();
  });

  it('says which clusters were checked for a trace that names none', () => {
    expect(traceBannerText({ ...drops, clusters: [] })).toContain('in any cluster (its spans name none)');
  });

  it('summarises a page of results', () => {
    const ok = { completeness: { status: 'NO_DROPS_REPORTED' as const, droppedSpans: '0' } };
    expect(resultsBannerText([ok, ok])).toBeNull();
    expect(resultsBannerText([ok, { completeness: drops }, { completeness: { ...drops, droppedSpans: '40' } }])).toBe(
      '2 traces of the 3 on this page ran while collector nodes of their clusters reported dropping spans (up to 40 per trace window): they may be incomplete. They are marked “may be incomplete” below.',
    );
  });

  it('states each status in the trace facts', () => {
    expect(completenessFact(drops)).toBe('12 spans dropped by collectors while it ran');
    expect(completenessFact({ ...drops, status: 'NO_DROPS_REPORTED' })).toBe('no drops reported');
    expect(completenessFact({ ...drops, status: 'UNKNOWN', unknownReason: 'HISTORY_EXPIRED' })).toBe(
      'unknown (older than the heartbeat history)',
    );
    expect(completenessFact({ ...drops, status: 'UNKNOWN', unknownReason: 'NO_REPORTING_NODE' })).toBe(
      'unknown (no collector heartbeats cover it)',
    );
  });
});
