import { randomBytes } from 'node:crypto';

/**
 * The evaluation state machine of a rule (docs/alerts.md):
 *
 *   ok ──met──▶ firing                      (no `for`)
 *   ok ──met──▶ pending ──met ≥ for──▶ firing
 *   pending ──not met──▶ ok                 (nothing was announced)
 *   firing ──not met──▶ ok                  (announced as `resolved`)
 *
 * Only the two announced transitions produce an alert event. Pure, so that
 * every instance computes the same step from the same stored state.
 */
export type AlertState = 'ok' | 'pending' | 'firing';
export type Transition = 'firing' | 'resolved';

/** One episode of a rule firing, from the firing event to the resolved one; PagerDuty's dedup key follows it. */
export interface Incident {
  readonly id: string;
  readonly firedAt: Date;
}

export interface RuleEvaluation {
  readonly state: AlertState;
  /** When the current state began; null before the first evaluation. */
  readonly since: Date | null;
  /** The open incident while firing. */
  readonly incident: Incident | null;
  readonly lastEvaluatedAt: Date | null;
  /** The metric at the last evaluation; null when it had no value (no requests in the window). */
  readonly lastValue: number | null;
}

export const INITIAL_EVALUATION: RuleEvaluation = { state: 'ok', since: null, incident: null, lastEvaluatedAt: null, lastValue: null };

export interface Observation {
  readonly met: boolean;
  readonly value: number | null;
  readonly at: Date;
}

export interface Step {
  readonly next: RuleEvaluation;
  /** The announced transition, with the incident it opens or closes. */
  readonly transition: { readonly kind: Transition; readonly incident: Incident } | null;
}

export function newIncidentId(): string {
  return randomBytes(8).toString('hex');
}

export function step(prev: RuleEvaluation, observation: Observation, forS: number | null, incidentId: () => string = newIncidentId): Step {
  const { met, value, at } = observation;
  const seen = { lastEvaluatedAt: at, lastValue: value };
  const fire = (): Step => {
    const incident = { id: incidentId(), firedAt: at };
    return { next: { ...seen, state: 'firing', since: at, incident }, transition: { kind: 'firing', incident } };
  };
  switch (prev.state) {
    case 'ok':
      if (!met) return { next: { ...prev, ...seen, since: prev.since ?? at }, transition: null };
      if (forS === null) return fire();
      return { next: { ...seen, state: 'pending', since: at, incident: null }, transition: null };
    case 'pending':
      if (!met) return { next: { ...seen, state: 'ok', since: at, incident: null }, transition: null };
      // `for` is counted from the first evaluation that met the condition, so it is effectively rounded up to whole evaluation intervals.
      if (forS === null || at.getTime() - (prev.since ?? at).getTime() >= forS * 1000) return fire();
      return { next: { ...prev, ...seen }, transition: null };
    case 'firing':
      if (met) return { next: { ...prev, ...seen }, transition: null };
      if (prev.incident === null) return { next: { ...seen, state: 'ok', since: at, incident: null }, transition: null };
      return { next: { ...seen, state: 'ok', since: at, incident: null }, transition: { kind: 'resolved', incident: prev.incident } };
  }
}
