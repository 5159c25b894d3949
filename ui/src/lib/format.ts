/** Display formatting shared by every view; pure, so the tests pin the output. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 ms';
  if (abs < 1) return `${round(ms * 1000, 3)} µs`;
  if (abs < 1000) return `${round(ms, 3)} ms`;
  if (abs < 60_000) return `${round(ms / 1000, 3)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 1000);
  return `${ms < 0 ? '-' : ''}${minutes} min ${seconds} s`;
}

/** At most `digits` significant digits, without trailing zeros. */
function round(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

export function formatLatency(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : formatDuration(ms);
}

export function formatPercent(rate: number): string {
  if (rate === 0) return '0 %';
  const pct = rate * 100;
  return `${pct < 0.01 ? '<0.01' : round(pct, pct < 1 ? 2 : 3)} %`;
}

export function formatCount(value: number | string): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return String(value);
  if (Math.abs(n) < 10_000) return n.toLocaleString('en-US');
  if (Math.abs(n) < 1_000_000) return `${round(n / 1000, 3)}k`;
  if (Math.abs(n) < 1_000_000_000) return `${round(n / 1_000_000, 3)}M`;
  return `${round(n / 1_000_000_000, 3)}G`;
}

/** A count over a window as the rate people compare: per second from one a second, else per minute, else per hour. */
export function formatRate(count: number | string, windowSeconds: number): string {
  const n = typeof count === 'string' ? Number(count) : count;
  if (windowSeconds <= 0 || !Number.isFinite(n)) return '—';
  const perSecond = n / windowSeconds;
  if (perSecond === 0) return '0/s';
  if (perSecond >= 1) return `${round(perSecond, 3)}/s`;
  if (perSecond * 60 >= 1) return `${round(perSecond * 60, 3)}/min`;
  return `${round(perSecond * 3600, 3)}/h`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local wall-clock time with milliseconds: 14:03:07.125. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Local date and time: 2026-03-15 14:03:07. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
