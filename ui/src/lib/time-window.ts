/** The relative time windows offered by the search, services and map views. */
export const TIME_WINDOWS = [
  { id: '15m', label: 'Last 15 minutes', seconds: 15 * 60 },
  { id: '1h', label: 'Last hour', seconds: 3600 },
  { id: '6h', label: 'Last 6 hours', seconds: 6 * 3600 },
  { id: '24h', label: 'Last 24 hours', seconds: 24 * 3600 },
  { id: '7d', label: 'Last 7 days', seconds: 7 * 24 * 3600 },
] as const;

export type TimeWindowId = (typeof TIME_WINDOWS)[number]['id'];

export const DEFAULT_WINDOW: TimeWindowId = '1h';

export function isTimeWindowId(value: string | null | undefined): value is TimeWindowId {
  return TIME_WINDOWS.some((w) => w.id === value);
}

export function windowSeconds(id: TimeWindowId): number {
  return TIME_WINDOWS.find((w) => w.id === id)?.seconds ?? 3600;
}

/** [from, to] ending at `now`, as the API's DateTime strings. */
export function windowRange(id: TimeWindowId, now: number): { from: string; to: string } {
  return { from: new Date(now - windowSeconds(id) * 1000).toISOString(), to: new Date(now).toISOString() };
}
