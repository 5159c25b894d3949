/**
 * Service colours: a fixed palette (no reds, which mean errors here) indexed
 * by a hash of the name, so a service keeps its colour across views and
 * reloads. Where several services are shown together, `servicePalette` moves
 * a service whose slot is taken to the next free one, so no two services on
 * one screen share a colour. Colour is never the only cue: names are always
 * shown beside it.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#1f77b4',
  '#8cd17d',
  '#9467bd',
  '#bcbd22',
  '#17becf',
  '#e377c2',
  '#a0cbe8',
  '#8c564b',
  '#86bcb6',
  '#7f7f7f',
  '#ffbe7d',
  '#499894',
] as const;

function slot(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % PALETTE.length;
}

export function serviceColor(name: string): string {
  return PALETTE[slot(name)] ?? PALETTE[0];
}

/** Distinct colours for the services shown together (distinct up to the palette size), each at its own slot when free. */
export function servicePalette(names: Iterable<string>): (name: string) => string {
  const assigned = new Map<string, string>();
  const taken = new Set<number>();
  for (const name of [...new Set(names)].sort()) {
    let s = slot(name);
    for (let probe = 0; probe < PALETTE.length && taken.has(s); probe++) s = (s + 1) % PALETTE.length;
    taken.add(s);
    assigned.set(name, PALETTE[s] ?? PALETTE[0]);
  }
  return (name) => assigned.get(name) ?? serviceColor(name);
}
