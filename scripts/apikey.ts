import { parseArgs } from 'node:util';
import type { ApiKeyRecord } from '../src/domain/keys/api-keys.repository.js';
import { parsePermissions } from '../src/domain/keys/auth.service.js';
import { createKeysModule } from '../src/domain/keys/index.js';
import { loadConfig } from '../src/config.js';
import { connectStore } from '../src/db/client.js';
import { resolveStoreUri } from '../src/db/uri-file.js';
import { DomainError } from '../src/errors.js';

const USAGE = `usage:
  npm run apikey -- create --org <org> --env live|test --permissions read,write,admin [--name <name>] [--rate-limit N] [--json]
  npm run apikey -- list --org <org> [--json]
  npm run apikey -- revoke <id> [--org <org>] [--json]`;

class UsageError extends Error {}

function view(record: ApiKeyRecord) {
  return {
    id: record.id,
    org: record.tenant.org,
    env: record.tenant.env,
    name: record.name,
    prefix: record.prefix,
    permissions: record.permissions,
    rate_limit: record.rateLimit,
    created_at: record.createdAt.toISOString(),
    last_used_at: record.lastUsedAt?.toISOString() ?? null,
    revoked_at: record.revokedAt?.toISOString() ?? null,
  };
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      env: { type: 'string' },
      permissions: { type: 'string' },
      name: { type: 'string' },
      'rate-limit': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [command, arg] = positionals;
  if (command === undefined) throw new UsageError(USAGE);
  // Key ids are unique: revoke needs no organization (given, it is a guard); create and list do.
  const org = values.org;
  if (org === undefined && command !== 'revoke') throw new UsageError(USAGE);
  const config = loadConfig();
  const store = await connectStore(await resolveStoreUri(config), config.mongodbDb);
  try {
    const { auth } = createKeysModule({ db: store.db, config }).services;
    const print = (human: string, json: unknown) => process.stdout.write(`${values.json ? JSON.stringify(json) : human}\n`);
    switch (command) {
      case 'create': {
        if (org === undefined) throw new UsageError(USAGE);
        if (values.env !== 'live' && values.env !== 'test') throw new UsageError('--env must be live or test');
        const rateLimit = values['rate-limit'] === undefined ? null : Number(values['rate-limit']);
        const { key, record } = await auth.createKey({
          org,
          env: values.env,
          permissions: parsePermissions(values.permissions ?? ''),
          ...(values.name !== undefined ? { name: values.name } : {}),
          rateLimit,
        });
        print(`${key}\n(id ${record.id}; shown once, store it now)`, { key, ...view(record) });
        return 0;
      }
      case 'list': {
        if (org === undefined) throw new UsageError(USAGE);
        const records = await auth.listKeys(org);
        print(
          records
            .map((r) => `${r.id}  ${r.tenant.env}  ${r.prefix}…  ${r.permissions.join(',')}${r.revokedAt ? '  revoked' : ''}`)
            .join('\n'),
          { keys: records.map(view) },
        );
        return 0;
      }
      case 'revoke': {
        if (arg === undefined) throw new UsageError(USAGE);
        const record = await auth.revokeKey(arg, { org });
        if (record === null) {
          const where = org === undefined ? '' : ` in org ${org}`;
          print(`no key ${arg}${where}`, { error: { code: 'not_found', message: `No key ${arg}${where}` } });
          return 1;
        }
        print(`revoked ${record.id}`, view(record));
        return 0;
      }
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof UsageError || error instanceof DomainError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(2);
  },
);
