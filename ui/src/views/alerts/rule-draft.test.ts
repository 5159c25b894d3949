import { describe, expect, it } from 'vitest';
import { describeCondition, describeTarget, draftOf, EMPTY_DRAFT, thresholdProblem, toCreateInput, toUpdateInput } from './rule-draft';

const rule = {
  name: 'Payment service high error rate',
  severity: 'CRITICAL' as const,
  channels: ['SLACK' as const, 'PAGERDUTY' as const],
  condition: {
    metric: 'ERROR_RATE' as const,
    operator: 'GT' as const,
    threshold: 0.05,
    window: '5m',
    for: null,
    service: 'payment-svc',
    edge: null,
  },
};

describe('the alert rule form', () => {
  it('turns a service rule into the create input of the documented example', () => {
    expect(toCreateInput(draftOf(rule))).toEqual({
      name: 'Payment service high error rate',
      severity: 'CRITICAL',
      channels: ['SLACK', 'PAGERDUTY'],
      condition: { service: 'payment-svc', metric: 'ERROR_RATE', operator: 'GT', threshold: 0.05, window: '5m' },
    });
  });

  it('targets an edge instead of a service, with a for-duration, trimming what was typed', () => {
    const draft = {
      ...EMPTY_DRAFT,
      name: ' Slow DB ',
      target: 'edge' as const,
      edgeSource: 'order-svc ',
      edgeTarget: ' postgres-orders',
      metric: 'P99_LATENCY_MS' as const,
      threshold: '250',
      for: '2m',
      channels: ['WEBHOOK' as const],
    };
    expect(toCreateInput(draft).condition).toEqual({
      edge: { source: 'order-svc', target: 'postgres-orders' },
      metric: 'P99_LATENCY_MS',
      operator: 'GT',
      threshold: 250,
      window: '5m',
      for: '2m',
    });
    expect(toCreateInput(draft).name).toBe('Slow DB');
  });

  it('sends an emptied for-duration as null on update, which removes it', () => {
    const edited = { ...draftOf({ ...rule, condition: { ...rule.condition, for: '10m' } }), for: '' };
    expect(toUpdateInput(edited).condition).toMatchObject({ for: null, service: 'payment-svc' });
  });

  it('refuses a threshold that is not a number before anything is sent', () => {
    expect(thresholdProblem({ ...EMPTY_DRAFT, threshold: '' })).toBe('Enter the threshold as a number');
    expect(thresholdProblem({ ...EMPTY_DRAFT, threshold: 'five' })).toBe('Enter the threshold as a number');
    expect(thresholdProblem({ ...EMPTY_DRAFT, threshold: '0.05' })).toBeNull();
  });

  it('reads a rule back as a sentence', () => {
    expect(describeCondition(rule.condition)).toBe('error rate > 0.05 over 5m');
    expect(describeCondition({ ...rule.condition, metric: 'P99_LATENCY_MS', operator: 'GTE', threshold: 300, for: '1m' })).toBe(
      'p99 latency ≥ 300 ms over 5m for 1m',
    );
    expect(describeTarget(rule.condition)).toBe('payment-svc');
    expect(describeTarget({ ...rule.condition, service: null, edge: { source: 'a', target: 'b' } })).toBe('a → b');
  });
});
