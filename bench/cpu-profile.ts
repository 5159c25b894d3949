import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that a self-time summary needs. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  /** Microseconds on the monotonic clock, the one `process.hrtime` reads. */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly fn: string;
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

/** A window of monotonic time, in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface Window {
  readonly fromUs: number;
  readonly toUs: number;
}

/**
 * The profiles written into `dir` by the given processes (their file names
 * end in `.<pid>.<thread>.<seq>.cpuprofile`).
 */
export function profilesOf(dir: string, pids: readonly number[]): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && pids.some((pid) => f.split('.').includes(String(pid))))
    .map((f) => join(dir, f));
}

/**
 * Self time per function over the busy samples taken inside `windows` (every
 * sample when no window is given), largest first; shares are of the busy time. Frames are keyed by name
 * and source position, so two functions of the same name stay apart.
 */
export function topSelfTime(files: readonly string[], windows: readonly Window[], root: string, limit = 10): SelfTime[] {
  const self = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i] ?? 0;
      t += dt;
      if (windows.length > 0 && !windows.some((w) => t >= w.fromUs && t <= w.toUs)) continue;
      const frame = frames.get(profile.samples[i]!)!;
      // Idle samples are time the process did not run: not part of any CPU figure.
      if (frame.functionName === '(idle)') continue;
      const fn = frame.functionName || '(anonymous)';
      const url = frame.url.startsWith('file://') ? relative(root, new URL(frame.url).pathname) : frame.url;
      const where = url === '' ? '' : `${url}:${frame.lineNumber + 1}`;
      const key = `${fn}@${where}`;
      const entry = self.get(key) ?? { fn, where, us: 0 };
      entry.us += dt;
      self.set(key, entry);
      total += dt;
    }
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: e.us / 1000, share: total === 0 ? 0 : e.us / total }));
}
