import { randomBytes } from 'node:crypto';
import { ForbiddenError, IpNotAllowedError, NotFoundError, ValidationError } from '../../errors.js';
import { apiKeyEnv, displayPrefix, generateApiKey, hashApiKey } from './api-key-format.js';
import type { ApiKeyRecord, ApiKeysRepository } from './api-keys.repository.js';
import type { AllowListCache } from './allow-list-cache.js';
import type { KeyCache } from './key-cache.js';
import type { Organization, OrgsRepository } from './orgs.repository.js';
import { IpRanges } from '../../auth/ip-ranges.js';
import { assertCan } from '../../auth/policy.js';
import { PERMISSIONS, type Permission, type Principal } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';

/** The documented default: 1,000 requests per minute per key; enterprise overrides up to 10,000. */
export const DEFAULT_RATE_LIMIT = 1_000;
export const MAX_RATE_LIMIT = 10_000;
const ORG_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** lastUsedAt is informational; writing it at most once a minute per key keeps it off the request path. */
const TOUCH_INTERVAL_MS = 60_000;

export interface CreateKeyInput {
  readonly org: string;
  readonly env: Tenant['env'];
  readonly permissions: readonly Permission[];
  readonly name?: string;
  readonly rateLimit?: number | null;
}

export interface CreatedKey {
  /** The plaintext key: returned once, never stored. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

export function parsePermissions(text: string, param = 'permissions'): Permission[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new ValidationError('At least one permission is required', param);
  for (const p of parts) {
    if (!(PERMISSIONS as readonly string[]).includes(p)) {
      throw new ValidationError(`Unknown permission '${p}': expected read, write or admin`, param);
    }
  }
  return [...new Set(parts as Permission[])];
}

/** What an admin key may ask for when it creates a key in its own organization. */
export interface CreateKeyRequest {
  readonly env: Tenant['env'];
  readonly permissions: readonly Permission[];
  readonly name?: string | null;
  readonly rateLimit?: number | null;
}

export interface AuthServiceOptions {
  /** Requests per minute of a key without an override (MESH_RATE_LIMIT_PER_MIN). */
  readonly defaultRateLimit?: number;
  readonly now?: () => Date;
}

const KEY_ID = /^key_[0-9a-f]{16}$/;

function assertKeyId(id: string): void {
  if (!KEY_ID.test(id)) throw new ValidationError("Parameter 'id' must be an API key id (key_ followed by 16 hex digits)", 'id');
}

export class AuthService {
  private readonly lastTouched = new Map<string, number>();
  private readonly now: () => Date;
  private readonly defaultRateLimit: number;

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly orgs: OrgsRepository,
    private readonly cache: KeyCache,
    private readonly allowLists: AllowListCache,
    options: AuthServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.defaultRateLimit = options.defaultRateLimit ?? DEFAULT_RATE_LIMIT;
  }

  /**
   * Resolves a presented key to a principal, from this instance's key cache
   * (no store round trip once the key is known); a revocation anywhere takes
   * effect here within 2 s (KeyCache), at once when revoked through here.
   * `clientAddress` is where the request comes from (null: unknown): a key
   * of an organization with an IP allow-list is refused outside it
   * (403 ip_not_allowed), decided from a cache with the same 2 s bound.
   */
  async authenticate(presented: string | null, clientAddress: string | null = null): Promise<Principal | null> {
    if (presented === null || apiKeyEnv(presented) === null) return null;
    const record = await this.cache.get(hashApiKey(presented));
    if (record === null) return null;
    await this.assertAddressAllowed(record.tenant.org, clientAddress);
    this.touchLater(record.id);
    return {
      keyId: record.id,
      tenant: record.tenant,
      permissions: new Set(record.permissions),
      rateLimit: this.effectiveRateLimit(record),
      clientAddress,
    };
  }

  /** Whether the organization admits requests from this address now (its cached allow-list; empty admits all). */
  async addressAllowed(org: string, clientAddress: string | null): Promise<boolean> {
    const ranges = await this.allowLists.lookup(org);
    return ranges.empty || ranges.contains(clientAddress);
  }

  private async assertAddressAllowed(org: string, clientAddress: string | null): Promise<void> {
    if (await this.addressAllowed(org, clientAddress)) return;
    throw new IpNotAllowedError(
      `Access from ${clientAddress ?? 'an unknown address'} is outside the IP allow-list of organization '${org}'`,
    );
  }

  /** The caller's organization (any admin key). */
  organizationAs(principal: Principal | null): Promise<Organization> {
    return this.organization(assertCan(principal, 'keys:admin').tenant.org);
  }

  /** An organization as stored; one that was never written has its defaults. */
  async organization(org: string): Promise<Organization> {
    return (await this.orgs.find(org)) ?? { id: org, createdAt: this.now(), ipAllowList: [] };
  }

  /**
   * Replaces the organization's IP allow-list (a live admin key: the list also
   * binds live keys). A list that would refuse the caller's own address is set
   * only with `force`, so an admin does not lock themselves out by mistake.
   */
  async setIpAllowListAs(principal: Principal | null, cidrs: readonly string[], force: boolean): Promise<Organization> {
    const { tenant, clientAddress = null } = assertCan(principal, 'keys:admin');
    if (tenant.env !== 'live') throw new ForbiddenError('Only a live (mtk_live_) admin key can change the IP allow-list', 'cidrs');
    const ranges = IpRanges.parse(cidrs, 'cidrs');
    if (!ranges.empty && !ranges.contains(clientAddress) && !force) {
      throw new ValidationError(
        `The list does not include your own address (${clientAddress ?? 'unknown'}): setting it would lock this client out; pass force: true to set it anyway`,
        'force',
      );
    }
    return this.setIpAllowList(tenant.org, ranges);
  }

  /** Replaces the organization's IP allow-list with no lock-out guard (the org CLI, which talks to the store directly). */
  async setIpAllowList(org: string, ranges: IpRanges): Promise<Organization> {
    if (!ORG_ID.test(org)) throw new ValidationError('Organization ids are 1–63 lowercase letters, digits, - or _', 'org');
    const organization = await this.orgs.setAllowList(org, ranges.cidrs, this.now());
    this.allowLists.set(org, ranges);
    return organization;
  }

  async createKey(input: CreateKeyInput): Promise<CreatedKey> {
    this.validate(input);
    const now = this.now();
    await this.orgs.ensure(input.org, now);
    const key = generateApiKey(input.env);
    const record = this.newRecord(input, key, now);
    await this.keys.insert(record, hashApiKey(key));
    return { key, record };
  }

  /**
   * Makes sure an operator-supplied key exists in org `default` with every
   * permission. Idempotent across restarts and concurrent instances (the hash is unique).
   */
  async ensureBootstrapKey(key: string): Promise<void> {
    const env = apiKeyEnv(key);
    if (env === null) throw new ValidationError('MESH_BOOTSTRAP_API_KEY must look like mtk_live_… or mtk_test_…', 'MESH_BOOTSTRAP_API_KEY');
    const now = this.now();
    await this.orgs.ensure('default', now);
    const input: CreateKeyInput = { org: 'default', env, permissions: PERMISSIONS, name: 'bootstrap' };
    await this.keys.insertIfAbsent(this.newRecord(input, key, now), hashApiKey(key));
  }

  listKeys(org: string): Promise<ApiKeyRecord[]> {
    return this.keys.list(org);
  }

  /**
   * The operator's revocation: a key id names one key whatever its
   * organization; `org`, when given, is a guard (a key of another organization
   * is then not found, and stays valid). Null when there is no such key.
   */
  async revokeKey(id: string, guard: { readonly org?: string | undefined } = {}): Promise<ApiKeyRecord | null> {
    assertKeyId(id);
    const revoked =
      guard.org === undefined ? await this.keys.revokeById(id, this.now()) : await this.keys.revoke(guard.org, id, this.now());
    this.cache.forget(id);
    return revoked;
  }

  /**
   * Key management by an admin key, always inside the caller's organization.
   * A live admin key manages the organization's live and sandbox keys; a
   * sandbox (`mtk_test_`) admin key only sandbox keys, so that a sandbox
   * credential can never mint or see a live one.
   */
  listKeysAs(principal: Principal | null): Promise<ApiKeyRecord[]> {
    const { tenant } = assertCan(principal, 'keys:admin');
    return tenant.env === 'live' ? this.keys.list(tenant.org) : this.keys.listForTenant(tenant);
  }

  createKeyAs(principal: Principal | null, request: CreateKeyRequest): Promise<CreatedKey> {
    const { tenant } = assertCan(principal, 'keys:admin');
    if (tenant.env === 'test' && request.env !== 'test') {
      throw new ForbiddenError('A sandbox (mtk_test_) key can only create sandbox keys', 'env');
    }
    return this.createKey({
      org: tenant.org,
      env: request.env,
      permissions: request.permissions,
      ...(request.name != null ? { name: request.name } : {}),
      rateLimit: request.rateLimit ?? null,
    });
  }

  async revokeKeyAs(principal: Principal | null, id: string): Promise<ApiKeyRecord> {
    const { tenant } = assertCan(principal, 'keys:admin');
    assertKeyId(id);
    const revoked = await this.keys.revoke(tenant.org, id, this.now(), tenant.env === 'live' ? undefined : 'test');
    if (revoked === null) throw new NotFoundError(`No API key '${id}' in this organization`, 'id');
    this.cache.forget(id);
    return revoked;
  }

  /** Requests per minute a key is admitted: its override, else the gateway default. */
  effectiveRateLimit(record: ApiKeyRecord): number {
    return record.rateLimit ?? this.defaultRateLimit;
  }

  /** The subset of key ids that are still valid; open WebSockets re-check their key with it. */
  activeKeyIds(ids: readonly string[]): Promise<Set<string>> {
    return this.keys.findActiveIds(ids);
  }

  private newRecord(input: CreateKeyInput, key: string, now: Date): ApiKeyRecord {
    return {
      id: `key_${randomBytes(8).toString('hex')}`,
      tenant: { org: input.org, env: input.env },
      name: input.name ?? '',
      prefix: displayPrefix(key),
      permissions: [...new Set(input.permissions)],
      rateLimit: input.rateLimit ?? null,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    };
  }

  private validate(input: CreateKeyInput): void {
    if (!ORG_ID.test(input.org)) {
      throw new ValidationError('Organization ids are 1–63 lowercase letters, digits, - or _', 'org');
    }
    if (input.permissions.length === 0) throw new ValidationError('At least one permission is required', 'permissions');
    if (input.name !== undefined && input.name.length > 200) throw new ValidationError('Key names are at most 200 characters', 'name');
    const limit = input.rateLimit;
    if (limit !== undefined && limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_RATE_LIMIT)) {
      throw new ValidationError(`Rate limit must be an integer from 1 to ${MAX_RATE_LIMIT} requests per minute`, 'rate_limit');
    }
  }

  private touchLater(id: string): void {
    const at = this.now();
    const last = this.lastTouched.get(id) ?? 0;
    if (at.getTime() - last < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, at.getTime());
    // Fire-and-forget: a failed lastUsedAt write must never fail the request it describes.
    this.keys.touch(id, at).catch(() => this.lastTouched.delete(id));
  }
}

/** The key a request presents: `Authorization: Bearer <key>` or Mackerel's `X-Api-Key: <key>`. */
export function presentedKey(headers: { get(name: string): string | null }): string | null {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const apiKey = headers.get('x-api-key');
  return apiKey !== null && apiKey.trim() !== '' ? apiKey.trim() : null;
}
