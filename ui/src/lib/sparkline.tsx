/**
 * Sparkline paths: one SVG path per run of known values, so a gap (a minute
 * without requests has no latency) stays a gap instead of a line to zero; a
 * lone point between gaps is drawn as a dot.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return '';
  const max = Math.max(...known);
  const min = Math.min(0, ...known);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const parts: string[] = [];
  let pen = false;
  const isKnown = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  values.forEach((v, i) => {
    if (!isKnown(v)) {
      pen = false;
      return;
    }
    const x = values.length > 1 ? i * step : width / 2;
    const y = height - 1 - ((v - min) / span) * (height - 2);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`);
    // A point with no known neighbour would draw nothing: a zero-length stroke with round caps shows it as a dot.
    if (!pen && !isKnown(values[i + 1])) parts.push('h0');
    pen = true;
  });
  return parts.join('');
}

/** What a screen reader hears instead of the picture: the latest and the peak value. */
export function sparklineSummary(values: readonly (number | null)[], format: (v: number) => string): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return 'no data';
  return `latest ${format(known[known.length - 1] as number)}, peak ${format(Math.max(...known))}`;
}

interface SparklineProps {
  readonly values: readonly (number | null)[];
  readonly label: string;
  readonly format: (v: number) => string;
  readonly tone?: 'neutral' | 'error' | 'latency';
  readonly width?: number;
  readonly height?: number;
}

export function Sparkline({ values, label, format, tone = 'neutral', width = 120, height = 28 }: SparklineProps) {
  const d = sparklinePath(values, width, height);
  return (
    <svg
      class={`sparkline spark-${tone}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${sparklineSummary(values, format)}`}
    >
      {d === '' ? <line x1="0" x2={width} y1={height - 1} y2={height - 1} class="spark-empty" /> : <path d={d} />}
    </svg>
  );
}
