import type { Parameters } from 'fast-check';

/**
 * One setting for every property-based fuzzer of the suite: a fixed seed, so a
 * failure is reproduced by running the same test again (fast-check prints the
 * seed and the shrunk counterexample), and a time budget per property, so the
 * whole set stays well under a minute however loaded the machine is.
 *
 * FUZZ_SEED picks another seed (e.g. `FUZZ_SEED=$RANDOM npm test` to explore);
 * FUZZ_SCALE multiplies the number of runs (e.g. 20 for a long local session;
 * raise FUZZ_BUDGET_MS with it).
 */
const seed = Number(process.env.FUZZ_SEED ?? 16_2026);
const scale = Number(process.env.FUZZ_SCALE ?? 1);
/** Wall-clock budget of one property; reaching it stops generating inputs, it does not fail the test. */
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 4_000);

export const FUZZ = {
  seed,
  budgetMs,
  run<T>(numRuns: number): Parameters<T> {
    return { seed, numRuns: Math.max(1, Math.round(numRuns * scale)), interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false };
  },
} as const;
