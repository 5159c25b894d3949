/**
 * Service colours: a fixed palette (Tableau 10, tuned for contrast on white)
 * indexed by a hash of the name, so a service keeps its colour across views
 * and reloads. Colour is never the only cue: names are always shown beside it.
 */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#86bcb6', '#8cd17d', '#a0cbe8', '#d4a6c8'] as const;

export function serviceColor(name: string): string {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
}
