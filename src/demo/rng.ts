import { seededRandom } from '../seeded-random.js';

/** Seeded, so that demo data reproduces. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  weighted<T extends { readonly weight: number }>(items: readonly T[]): T {
    let roll = this.next() * items.reduce((total, item) => total + item.weight, 0);
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return this.pick(items);
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const sampled: T[] = [];
    while (sampled.length < count && pool.length > 0) sampled.push(...pool.splice(this.int(0, pool.length - 1), 1));
    return sampled;
  }

  /** Log-normal around a median: real latencies have a long right tail. */
  durationUs(medianMs: number, spread: number): number {
    const gaussian = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return Math.max(1, Math.round(medianMs * 1000 * Math.exp(spread * gaussian)));
  }

  uniformUs(minMs: number, maxMs: number): number {
    return Math.round((minMs + this.next() * (maxMs - minMs)) * 1000);
  }

  id(prefix: string, length: number): string {
    let id = prefix;
    for (let i = 0; i < length; i++) id += ID_ALPHABET.charAt(Math.floor(this.next() * ID_ALPHABET.length));
    return id;
  }
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
