import { builder } from '../../graphql/builder.js';
import { MAX_RATE_LIMIT } from './auth.service.js';
import type { ApiKeyRecord } from './api-keys.repository.js';
import type { Organization } from './orgs.repository.js';
import { PERMISSIONS } from '../../auth/principal.js';

/**
 * Key management (admin only). The plaintext of a key exists in exactly one
 * response — createApiKey's — and nowhere else: not in the store, not in
 * `apiKeys`, not in logs.
 */
const ApiKeyEnv = builder.enumType('ApiKeyEnv', {
  description: 'LIVE keys (mtk_live_) read and write live data; TEST keys (mtk_test_) the sandbox partition only.',
  values: { LIVE: { value: 'live' }, TEST: { value: 'test' } } as const,
});

const ApiKeyPermission = builder.enumType('ApiKeyPermission', {
  description: 'READ: queries. WRITE: ingest and heartbeats. ADMIN: alert rules and key management.',
  values: Object.fromEntries(PERMISSIONS.map((p) => [p.toUpperCase(), { value: p }])) as {
    READ: { value: 'read' };
    WRITE: { value: 'write' };
    ADMIN: { value: 'admin' };
  },
});

const ApiKey = builder.objectRef<ApiKeyRecord & { readonly effectiveRateLimit: number }>('ApiKey').implement({
  description: 'An API key as stored: its hash is never exposed, its plaintext never stored.',
  fields: (t) => ({
    id: t.exposeString('id'),
    name: t.exposeString('name'),
    env: t.field({ type: ApiKeyEnv, resolve: (k) => k.tenant.env }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to recognise it.' }),
    permissions: t.field({ type: [ApiKeyPermission], resolve: (k) => [...k.permissions] }),
    rateLimit: t.int({
      description: 'Requests per minute admitted for this key (its override, else the default).',
      resolve: (k) => k.effectiveRateLimit,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'Updated at most once a minute.', resolve: (k) => k.lastUsedAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt }),
  }),
});

const CreatedApiKey = builder
  .objectRef<{ key: string; apiKey: ApiKeyRecord & { readonly effectiveRateLimit: number } }>('CreatedApiKey')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The plaintext key. Shown this once: store it now, it cannot be retrieved again.' }),
      apiKey: t.field({ type: ApiKey, resolve: (c) => c.apiKey }),
    }),
  });

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ description: 'At most 200 characters.' }),
    env: t.field({ type: ApiKeyEnv, required: true }),
    permissions: t.field({ type: [ApiKeyPermission], required: true }),
    rateLimit: t.int({ description: `Requests per minute, 1–${MAX_RATE_LIMIT}; default: the gateway default (1,000).` }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKey],
    authScopes: { admin: true },
    description: "The organization's API keys, newest first (a sandbox key sees sandbox keys only).",
    resolve: async (_root, _args, ctx) => {
      const records = await ctx.services.auth.listKeysAs(ctx.principal);
      return records.map((r) => withEffectiveLimit(r, ctx.services.auth.effectiveRateLimit(r)));
    },
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKey,
    authScopes: { admin: true },
    description: "Creates a key in the caller's organization and returns its plaintext once.",
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { key, record } = await ctx.services.auth.createKeyAs(ctx.principal, {
        env: input.env,
        permissions: input.permissions,
        name: input.name ?? null,
        rateLimit: input.rateLimit ?? null,
      });
      return { key, apiKey: withEffectiveLimit(record, ctx.services.auth.effectiveRateLimit(record)) };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKey,
    authScopes: { admin: true },
    description: 'Revokes a key: refused from the next request on every gateway instance; its open WebSockets are closed (4403).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const record = await ctx.services.auth.revokeKeyAs(ctx.principal, id);
      return withEffectiveLimit(record, ctx.services.auth.effectiveRateLimit(record));
    },
  }),
}));

function withEffectiveLimit(record: ApiKeyRecord, effectiveRateLimit: number): ApiKeyRecord & { readonly effectiveRateLimit: number } {
  return { ...record, effectiveRateLimit };
}

const OrganizationRef = builder.objectRef<Organization>('Organization').implement({
  description: "The caller's organization.",
  fields: (t) => ({
    id: t.exposeString('id'),
    ipAllowList: t.stringList({
      description:
        "CIDR blocks (IPv4, IPv6) the organization's keys may be used from, on every transport; empty: no restriction. A request from elsewhere is refused (403 ip_not_allowed).",
      resolve: (o) => [...o.ipAllowList],
    }),
  }),
});

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    authScopes: { admin: true },
    description: "The caller's organization and its settings (admin keys).",
    resolve: (_root, _args, ctx) => ctx.services.auth.organizationAs(ctx.principal),
  }),
}));

builder.mutationFields((t) => ({
  setIpAllowList: t.field({
    type: OrganizationRef,
    authScopes: { admin: true },
    description:
      "Replaces the organization's IP allow-list (a live admin key); [] removes the restriction. Applies to the next request on this instance and within 2 s on every other; open WebSockets outside it are closed (4403). A list that excludes the caller's own address is refused unless force is true.",
    args: {
      cidrs: t.arg.stringList({
        required: true,
        description: 'CIDR blocks such as 10.0.0.0/8 or 2001:db8::/32; a bare address is a /32 or /128.',
      }),
      force: t.arg.boolean({ defaultValue: false, description: "Set the list even though it excludes the caller's own address." }),
    },
    resolve: (_root, { cidrs, force }, ctx) => ctx.services.auth.setIpAllowListAs(ctx.principal, cidrs, force ?? false),
  }),
}));
