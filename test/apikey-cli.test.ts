import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDb, type TestDb } from './helpers/mongo.js';

/**
 * `npm run apikey` as operators run it: its own process (`node --import tsx
 * scripts/apikey.ts`, what the npm script runs) against the test store.
 */

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let store: TestDb;

function apikey(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/apikey.ts', ...args],
      { env: { ...process.env, MONGODB_URI: inject('mongoUri'), MONGODB_DB: store.db.databaseName } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

interface KeyView {
  readonly id: string;
  readonly org: string;
  readonly key?: string;
  readonly revoked_at: string | null;
}

async function create(org: string): Promise<KeyView> {
  const run = await apikey('create', '--org', org, '--env', 'live', '--permissions', 'read', '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as KeyView;
}

async function keysOf(org: string): Promise<KeyView[]> {
  const run = await apikey('list', '--org', org, '--json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { keys: KeyView[] }).keys;
}

beforeAll(async () => {
  store = await testDb();
});
afterAll(async () => {
  await store.close();
});

describe('npm run apikey -- revoke <id>', () => {
  it('revokes a key by its id alone, without --org', async () => {
    const key = await create('acme');
    const run = await apikey('revoke', key.id, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: key.id, org: 'acme', revoked_at: expect.any(String) });
    expect((await keysOf('acme')).find((k) => k.id === key.id)?.revoked_at).toEqual(expect.any(String));
  });

  it('takes --org as a guard: the key of another organization is not found and stays valid', async () => {
    const key = await create('globex');
    const run = await apikey('revoke', key.id, '--org', 'acme', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'not_found', message: `No key ${key.id} in org acme` } });
    expect((await keysOf('globex')).find((k) => k.id === key.id)?.revoked_at).toBeNull();

    const guarded = await apikey('revoke', key.id, '--org', 'globex');
    expect(guarded.code, guarded.stderr).toBe(0);
    expect(guarded.stdout).toBe(`revoked ${key.id}\n`);
  });

  it('answers an unknown id with not_found (exit 1) and a malformed one with its rule (exit 2)', async () => {
    const unknown = await apikey('revoke', 'key_0000000000000000', '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { code: 'not_found', message: 'No key key_0000000000000000' } });
    const malformed = await apikey('revoke', 'acme-prod');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("Parameter 'id' must be an API key id");
  });

  it('still needs --org to create or list keys', async () => {
    const run = await apikey('list', '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});
