import { describe, expect, it } from 'vitest';
import { allowedEnvs, draftProblems, emptyDraft, envOfKey, isCurrentKey, toCreateInput, type KeyDraft } from './key-form';

const draft = (patch: Partial<KeyDraft> = {}): KeyDraft => ({ ...emptyDraft('LIVE'), ...patch });

describe('the new-key form', () => {
  it('reads the environment of a key from its prefix', () => {
    expect(envOfKey('mtk_live_abc')).toBe('LIVE');
    expect(envOfKey('mtk_test_abc')).toBe('TEST');
    expect(envOfKey('nope')).toBeNull();
    expect(envOfKey(null)).toBeNull();
  });

  it('lets a sandbox admin create sandbox keys only, as the API does', () => {
    expect(allowedEnvs('TEST')).toEqual(['TEST']);
    expect(allowedEnvs('LIVE')).toEqual(['LIVE', 'TEST']);
    expect(emptyDraft('TEST').env).toBe('TEST');
    expect(draftProblems(draft({ env: 'LIVE' }), 'TEST').env).toMatch(/sandbox/);
    expect(draftProblems(draft({ env: 'TEST' }), 'TEST')).toEqual({});
  });

  it('asks for a permission and a rate limit the gateway accepts', () => {
    expect(draftProblems(draft({ permissions: new Set() }), 'LIVE').permissions).toBeDefined();
    for (const bad of ['0', '10001', '1.5', 'ten', '-3'])
      expect(draftProblems(draft({ rateLimit: bad }), 'LIVE').rateLimit, bad).toBeDefined();
    for (const good of ['', '1', '10000', ' 60 ']) expect(draftProblems(draft({ rateLimit: good }), 'LIVE'), good).toEqual({});
    expect(draftProblems(draft({ name: 'x'.repeat(201) }), 'LIVE').name).toBeDefined();
  });

  it('sends trimmed text, permissions in form order, and leaves defaults out', () => {
    expect(toCreateInput(draft({ name: '  ci reader ', permissions: new Set(['ADMIN', 'READ']), rateLimit: ' 60 ' }))).toEqual({
      env: 'LIVE',
      permissions: ['READ', 'ADMIN'],
      name: 'ci reader',
      rateLimit: 60,
    });
    expect(toCreateInput(draft({ env: 'TEST' }))).toEqual({ env: 'TEST', permissions: ['READ'] });
  });

  it('recognises the key the console signed in with by its listed prefix', () => {
    expect(isCurrentKey('mtk_live_abcd', 'mtk_live_abcdefgh')).toBe(true);
    expect(isCurrentKey('mtk_live_abcx', 'mtk_live_abcdefgh')).toBe(false);
    expect(isCurrentKey('', 'mtk_live_abcdefgh')).toBe(false);
    expect(isCurrentKey('mtk_live_abcd', null)).toBe(false);
  });
});
