import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDuration } from '../../lib/format';
import type { CriticalPath } from './critical-path';
import { visibleRows, type WaterfallLayout, type WaterfallRow } from './waterfall-layout';

export interface WaterfallSpan {
  readonly spanId: string;
  readonly parentSpanId?: string | null;
  readonly name: string;
  readonly serviceName: string;
  readonly kind: string;
  readonly durationMs: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly status: { readonly code: string };
}

const ROW_HEIGHT = 26;
/** Rows rendered above and below the viewport, so fast scrolling shows no blank rows. */
const OVERSCAN = 15;
const INDENT_PX = 14;
const MAX_INDENT_LEVELS = 24;

export function rowDomId(index: number): string {
  return `wf-row-${index}`;
}

interface Props<S extends WaterfallSpan> {
  readonly layout: WaterfallLayout<S>;
  readonly critical: CriticalPath | null;
  readonly selected: number | null;
  readonly onSelect: (row: number) => void;
  readonly label: string;
  readonly colorOf: (service: string) => string;
}

/**
 * Spans on a time axis, nested by parent. Only the rows in view are in the
 * DOM (a 5,000-span trace renders ~60 rows at a time). Keyboard: a tree with
 * one tab stop — arrows move, Right/Left expand, collapse or go to the first
 * child / the parent, Home/End, Page Up/Down, Enter or Space show the span.
 */
export function Waterfall<S extends WaterfallSpan>({ layout, critical, selected, onSelect, label, colorOf }: Props<S>) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [active, setActive] = useState<number>(selected ?? 0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => visibleRows(layout.rows, collapsed), [layout, collapsed]);
  const positionOf = useMemo(() => new Map(shown.map((row, pos) => [row, pos])), [shown]);
  const scale = layout.durationMs > 0 ? 100 / layout.durationMs : 0;
  const segmentsByRow = useMemo(() => {
    const map = new Map<number, { startMs: number; endMs: number }[]>();
    for (const s of critical?.segments ?? []) {
      const list = map.get(s.row) ?? [];
      list.push(s);
      map.set(s.row, list);
    }
    return map;
  }, [critical]);

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return undefined;
    const measure = () => setViewport(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A selection made elsewhere (the URL, a link in the panel) becomes the active row, with its ancestors expanded.
  useEffect(() => {
    if (selected === null) return;
    setActive(selected);
    setCollapsed((current) => {
      let next: Set<number> | null = null;
      for (let p = layout.rows[selected]?.parentIndex ?? null; p !== null; p = layout.rows[p]?.parentIndex ?? null) {
        if (current.has(p)) (next ??= new Set(current)).delete(p);
      }
      return next ?? current;
    });
  }, [selected, layout]);

  // Keep the active row in view.
  useEffect(() => {
    const el = scroller.current;
    const pos = positionOf.get(active);
    if (el === null || pos === undefined) return;
    const top = pos * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [active, positionOf]);

  const toggle = (row: number) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(row)) next.add(row);
      return next;
    });

  function onKeyDown(event: KeyboardEvent) {
    const pos = positionOf.get(active) ?? 0;
    const row = layout.rows[active];
    const moveTo = (p: number) => setActive(shown[Math.max(0, Math.min(shown.length - 1, p))] ?? 0);
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(pos + 1);
        break;
      case 'ArrowUp':
        moveTo(pos - 1);
        break;
      case 'PageDown':
        moveTo(pos + page);
        break;
      case 'PageUp':
        moveTo(pos - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(shown.length - 1);
        break;
      case 'ArrowRight':
        if (row === undefined || row.childCount === 0) return;
        if (collapsed.has(active)) toggle(active);
        else moveTo(pos + 1);
        break;
      case 'ArrowLeft':
        if (row === undefined) return;
        if (row.childCount > 0 && !collapsed.has(active)) toggle(active);
        else if (row.parentIndex !== null) setActive(row.parentIndex);
        break;
      case 'Enter':
      case ' ':
        onSelect(active);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  return (
    <div class="waterfall">
      <div class="wf-axis" aria-hidden="true">
        <div class="wf-axis-names">Span</div>
        <div class="wf-axis-time">
          {ticks.map((t) => (
            <span key={t} class="wf-tick" style={{ left: `${t * 100}%` }}>
              {formatDuration(layout.durationMs * t)}
            </span>
          ))}
        </div>
      </div>
      <div
        class="wf-scroll"
        ref={scroller}
        role="tree"
        aria-label={label}
        aria-activedescendant={layout.rows.length > 0 ? rowDomId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div class="wf-canvas" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
          {shown.slice(first, last).map((index, offset) => {
            const row = layout.rows[index];
            return row === undefined ? null : (
              <WaterfallRowView
                key={index}
                row={row}
                top={(first + offset) * ROW_HEIGHT}
                scale={scale}
                color={colorOf(row.span.serviceName)}
                active={index === active}
                selected={index === selected}
                collapsed={collapsed.has(index)}
                onPath={critical?.rows.has(index) ?? false}
                segments={segmentsByRow.get(index)}
                onToggle={() => toggle(index)}
                onSelect={() => {
                  setActive(index);
                  onSelect(index);
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps<S extends WaterfallSpan> {
  readonly row: WaterfallRow<S>;
  readonly top: number;
  readonly scale: number;
  readonly color: string;
  readonly active: boolean;
  readonly selected: boolean;
  readonly collapsed: boolean;
  readonly onPath: boolean;
  readonly segments: readonly { startMs: number; endMs: number }[] | undefined;
  onToggle(): void;
  onSelect(): void;
}

function WaterfallRowView<S extends WaterfallSpan>({
  row,
  top,
  scale,
  color,
  active,
  selected,
  collapsed,
  onPath,
  segments,
  onToggle,
  onSelect,
}: RowProps<S>) {
  const { span } = row;
  const isError = span.status.code === 'ERROR';
  const left = row.startMs * scale;
  const width = Math.max((row.endMs - row.startMs) * scale, 0.15);
  const skew = [row.startsBeforeParent && 'starts before its parent', row.endsAfterParent && 'ends after its parent']
    .filter(Boolean)
    .join(' and ');
  const classes = ['wf-row', active && 'active', selected && 'selected', onPath && 'critical', isError && 'has-error']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowDomId(row.index)}
      class={classes}
      style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.childCount > 0 ? !collapsed : undefined}
      aria-selected={selected}
      aria-label={`${span.serviceName}: ${span.name}, ${formatDuration(row.endMs - row.startMs)}, starts at ${formatDuration(row.startMs)}${isError ? ', error' : ''}${onPath ? ', on the critical path' : ''}${skew ? `, clock skew: ${skew}` : ''}${row.detached ? ', parent span missing' : ''}`}
      data-span-id={span.spanId}
      data-service={span.serviceName}
      onClick={onSelect}
    >
      <div class="wf-name" style={{ paddingLeft: `${Math.min(row.depth, MAX_INDENT_LEVELS) * INDENT_PX + 4}px` }}>
        {row.childCount > 0 ? (
          <span
            class="wf-toggle"
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          >
            {collapsed ? '▸' : '▾'}
          </span>
        ) : (
          <span class="wf-toggle" aria-hidden="true" />
        )}
        <span class="swatch" style={{ background: color }} aria-hidden="true" />
        <span class="wf-service">{span.serviceName}</span>
        <span class="wf-op" title={span.name}>
          {span.name}
        </span>
        {isError && (
          <span class="mark mark-error" aria-hidden="true" title="Error status">
            !
          </span>
        )}
        {skew && (
          <span class="mark mark-skew" aria-hidden="true" title={`Clock skew: ${skew}`}>
            ±
          </span>
        )}
        {row.detached && (
          <span class="mark mark-detached" aria-hidden="true" title="Parent span not in this trace">
            ↑
          </span>
        )}
        {collapsed && <span class="muted"> +{row.descendantCount}</span>}
      </div>
      <div class="wf-timeline" aria-hidden="true">
        <span class={`wf-bar${isError ? ' wf-bar-error' : ''}`} style={{ left: `${left}%`, width: `${width}%`, background: color }} />
        {segments?.map((s) => (
          <span
            key={s.startMs}
            class="wf-critical"
            style={{ left: `${s.startMs * scale}%`, width: `${Math.max((s.endMs - s.startMs) * scale, 0.1)}%` }}
          />
        ))}
        <span class="wf-duration" style={left + width > 80 ? { right: `${100 - left + 0.5}%` } : { left: `${left + width + 0.5}%` }}>
          {formatDuration(row.endMs - row.startMs)}
        </span>
      </div>
    </div>
  );
}
