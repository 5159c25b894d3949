import { formatCount } from '../../lib/format';

/** `Trace.completeness` as the console queries it. */
export interface CompletenessFields {
  readonly status: 'DROPS_REPORTED' | 'NO_DROPS_REPORTED' | 'UNKNOWN';
  readonly droppedSpans: string;
}

export interface CompletenessDetail extends CompletenessFields {
  readonly unknownReason?: 'NO_REPORTING_NODE' | 'HISTORY_EXPIRED' | null;
  readonly clusters: readonly string[];
  readonly reports: readonly { readonly nodeId: string; readonly cluster: string; readonly droppedSpans: string }[];
}

/** One line for the trace facts: what the collectors said about this trace's window. */
export function completenessFact(c: CompletenessDetail): string {
  switch (c.status) {
    case 'DROPS_REPORTED':
      return `${formatCount(c.droppedSpans)} spans dropped by collectors while it ran`;
    case 'NO_DROPS_REPORTED':
      return 'no drops reported';
    case 'UNKNOWN':
      return c.unknownReason === 'HISTORY_EXPIRED'
        ? 'unknown (older than the heartbeat history)'
        : 'unknown (no collector heartbeats cover it)';
  }
}

/** The banner of a trace view; null when there is nothing to warn about. */
export function traceBannerText(c: CompletenessDetail): string | null {
  if (c.status !== 'DROPS_REPORTED') return null;
  const where = c.clusters.length === 0 ? 'in any cluster (its spans name none)' : `in ${c.clusters.join(', ')}`;
  const nodes = c.reports.map((r) => `${r.nodeId} (${r.cluster}): ${formatCount(r.droppedSpans)}`).join('; ');
  return `Collector nodes ${where} reported dropping ${formatCount(c.droppedSpans)} spans while this trace ran, so some of its spans may be missing. ${nodes}.`;
}

/** The banner above search results: how many traces of the page ran while collectors dropped spans. */
export function resultsBannerText(rows: readonly { readonly completeness: CompletenessFields }[]): string | null {
  const affected = rows.filter((r) => r.completeness.status === 'DROPS_REPORTED');
  if (affected.length === 0) return null;
  const dropped = affected.reduce((max, r) => Math.max(max, Number(r.completeness.droppedSpans)), 0);
  const traces = affected.length === 1 ? '1 trace' : `${affected.length} traces`;
  return `${traces} of the ${rows.length} on this page ran while collector nodes of their clusters reported dropping spans (up to ${formatCount(dropped)} per trace window): they may be incomplete. They are marked “may be incomplete” below.`;
}
