import { describe, expect, it } from 'vitest';
import { INITIAL_EVALUATION, step, type Observation, type RuleEvaluation } from './alert-state.js';

const t0 = new Date('2026-03-15T09:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const met = (s: number, value = 0.2): Observation => ({ met: true, value, at: at(s) });
const clear = (s: number, value: number | null = 0.01): Observation => ({ met: false, value, at: at(s) });
const ids = () => {
  let n = 0;
  return () => `incident-${++n}`;
};

/** Runs observations through the state machine; returns the states and announced transitions. */
function run(observations: readonly Observation[], forS: number | null) {
  const incident = ids();
  let state: RuleEvaluation = INITIAL_EVALUATION;
  const trail: string[] = [];
  for (const observation of observations) {
    const { next, transition } = step(state, observation, forS, incident);
    state = next;
    trail.push(transition === null ? next.state : `${next.state}!${transition.kind}:${transition.incident.id}`);
  }
  return { state, trail };
}

describe('alert state machine', () => {
  it('fires on the first evaluation that meets the condition when no `for` is set', () => {
    expect(run([clear(0), met(30), met(60)], null).trail).toEqual(['ok', 'firing!firing:incident-1', 'firing']);
  });

  it('resolves once, when the condition stops holding, closing the incident it opened', () => {
    const { trail, state } = run([met(0), met(30), clear(60), clear(90)], null);
    expect(trail).toEqual(['firing!firing:incident-1', 'firing', 'ok!resolved:incident-1', 'ok']);
    expect(state).toMatchObject({ state: 'ok', since: at(60), incident: null, lastValue: 0.01 });
  });

  it('waits in pending for the `for` duration, measured from the first evaluation that met it', () => {
    expect(run([met(0), met(30), met(60), met(90)], 60).trail).toEqual(['pending', 'pending', 'firing!firing:incident-1', 'firing']);
  });

  it('goes back to ok from pending without announcing anything', () => {
    expect(run([met(0), clear(30), met(60), met(90)], 60).trail).toEqual(['pending', 'ok', 'pending', 'pending']);
  });

  it('opens a new incident for each episode', () => {
    expect(run([met(0), clear(30), met(60)], null).trail).toEqual([
      'firing!firing:incident-1',
      'ok!resolved:incident-1',
      'firing!firing:incident-2',
    ]);
  });

  it('records the observed value and time of every evaluation', () => {
    const { state } = run([met(0, 0.3), met(30, 0.4)], null);
    expect(state).toMatchObject({
      state: 'firing',
      since: at(0),
      lastEvaluatedAt: at(30),
      lastValue: 0.4,
      incident: { id: 'incident-1', firedAt: at(0) },
    });
  });

  it('treats "no data" as not met: a firing rule whose service went idle resolves', () => {
    expect(run([met(0), clear(30, null)], null).trail).toEqual(['firing!firing:incident-1', 'ok!resolved:incident-1']);
  });
});
