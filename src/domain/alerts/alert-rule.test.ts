import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import {
  conditionMet,
  formatDuration,
  parseDuration,
  parseRuleInput,
  parseRulePatch,
  parseWindow,
  type AlertRule,
  type AlertRuleInput,
} from './alert-rule.js';

const VALID: AlertRuleInput = {
  name: 'Payment service high error rate',
  condition: { metric: 'error_rate', service: 'payment-svc', operator: '>', threshold: 0.05, window: '5m' },
  channels: ['slack', 'pagerduty'],
  severity: 'critical',
};

function paramOf(fn: () => unknown): string | null {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.param;
    throw error;
  }
  return null;
}

describe('durations', () => {
  it.each([
    ['5m', 300],
    ['1h', 3600],
    ['90s', 90],
    ['1h30m', 5400],
    ['24h', 86_400],
    ['1d', 86_400],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '5', 'm5', '5 m', '-5m', '5M', '1.5h', '5min'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('writes the shortest canonical form', () => {
    expect([60, 300, 3600, 5400, 86_400, 45].map(formatDuration)).toEqual(['1m', '5m', '1h', '1h30m', '24h', '45s']);
  });

  it.each(['30s', '90s', '25h', '0m', 'abc'])('refuses the window %j (whole minutes from 1m to 24h)', (text) => {
    expect(paramOf(() => parseWindow(text))).toBe('condition.window');
  });
});

describe('parseRuleInput', () => {
  it('accepts the documented example and defaults nothing it was given', () => {
    expect(parseRuleInput(VALID)).toEqual({
      name: 'Payment service high error rate',
      condition: {
        metric: 'error_rate',
        target: { kind: 'service', service: 'payment-svc' },
        operator: '>',
        threshold: 0.05,
        windowS: 300,
        forS: null,
      },
      channels: ['slack', 'pagerduty'],
      severity: 'critical',
    });
  });

  it('defaults the severity to warning', () => {
    expect(parseRuleInput({ ...VALID, severity: null }).severity).toBe('warning');
  });

  it('takes an edge instead of a service', () => {
    const rule = parseRuleInput({
      ...VALID,
      condition: { ...VALID.condition, service: null, edge: { source: 'order-svc', target: 'payment-svc' } },
    });
    expect(rule.condition.target).toEqual({ kind: 'edge', source: 'order-svc', target: 'payment-svc' });
  });

  it.each<[string, (input: AlertRuleInput) => AlertRuleInput, string]>([
    ['an empty name', (i) => ({ ...i, name: '  ' }), 'name'],
    ['an unknown metric', (i) => ({ ...i, condition: { ...i.condition, metric: 'cpu' } }), 'condition.metric'],
    ['an unknown operator', (i) => ({ ...i, condition: { ...i.condition, operator: '=>' } }), 'condition.operator'],
    ['an error rate above 1', (i) => ({ ...i, condition: { ...i.condition, threshold: 5 } }), 'condition.threshold'],
    [
      'a negative latency',
      (i) => ({ ...i, condition: { ...i.condition, metric: 'p99_latency_ms', threshold: -1 } }),
      'condition.threshold',
    ],
    ['a non-finite threshold', (i) => ({ ...i, condition: { ...i.condition, threshold: Number.NaN } }), 'condition.threshold'],
    ['a window of 30s', (i) => ({ ...i, condition: { ...i.condition, window: '30s' } }), 'condition.window'],
    ['a for of 0s', (i) => ({ ...i, condition: { ...i.condition, for: '0s' } }), 'condition.for'],
    ['both service and edge', (i) => ({ ...i, condition: { ...i.condition, edge: { source: 'a', target: 'b' } } }), 'condition.service'],
    ['neither service nor edge', (i) => ({ ...i, condition: { ...i.condition, service: null } }), 'condition.service'],
    [
      'an empty edge source',
      (i) => ({ ...i, condition: { ...i.condition, service: null, edge: { source: '', target: 'b' } } }),
      'condition.edge.source',
    ],
    ['no channel', (i) => ({ ...i, channels: [] }), 'channels'],
    ['an unknown channel', (i) => ({ ...i, channels: ['slack', 'sms'] }), 'channels.1'],
    ['a repeated channel', (i) => ({ ...i, channels: ['slack', 'slack'] }), 'channels'],
    ['an unknown severity', (i) => ({ ...i, severity: 'fatal' }), 'severity'],
  ])('refuses %s, naming the parameter', (_case, change, param) => {
    expect(paramOf(() => parseRuleInput(change(VALID)))).toBe(param);
  });
});

describe('parseRulePatch', () => {
  const at = new Date('2026-03-15T09:45:00Z');
  const rule: AlertRule = {
    ...parseRuleInput({ ...VALID, condition: { ...VALID.condition, for: '2m' } }),
    id: 'alert_rule_7f3a8b2e',
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };

  it('changes only what it names', () => {
    expect(parseRulePatch(rule, { name: 'Renamed' })).toEqual({ name: 'Renamed' });
  });

  it('merges condition fields into the stored condition', () => {
    expect(parseRulePatch(rule, { condition: { window: '10m' } }).condition).toEqual({ ...rule.condition, windowS: 600 });
  });

  it('replaces the target when an edge is given, and removes `for` with null', () => {
    const { condition } = parseRulePatch(rule, { condition: { edge: { source: 'order-svc', target: 'payment-svc' }, for: null } });
    expect(condition?.target).toEqual({ kind: 'edge', source: 'order-svc', target: 'payment-svc' });
    expect(condition?.forS).toBeNull();
  });

  it('validates the merged condition as a whole', () => {
    expect(paramOf(() => parseRulePatch(rule, { condition: { threshold: 3 } }))).toBe('condition.threshold');
    expect(paramOf(() => parseRulePatch(rule, { condition: { metric: 'request_count', threshold: 500 } }))).toBeNull();
  });

  it('refuses null for fields that cannot be removed', () => {
    expect(paramOf(() => parseRulePatch(rule, { name: null }))).toBe('name');
    expect(paramOf(() => parseRulePatch(rule, { condition: { window: null } }))).toBe('condition.window');
    expect(paramOf(() => parseRulePatch(rule, { status: 'stopped' }))).toBe('status');
  });
});

describe('conditionMet', () => {
  it.each([
    ['>', 0.06, true],
    ['>', 0.05, false],
    ['>=', 0.05, true],
    ['<', 0.04, true],
    ['<=', 0.05, true],
    ['==', 0.05, true],
    ['!=', 0.05, false],
  ] as const)('%s 0.05 with %d observed: %s', (operator, value, met) => {
    expect(conditionMet({ operator, threshold: 0.05 }, value)).toBe(met);
  });

  it('is never met without a value', () => {
    expect(conditionMet({ operator: '<', threshold: 1 }, null)).toBe(false);
    expect(conditionMet({ operator: '!=', threshold: 1 }, null)).toBe(false);
  });
});
