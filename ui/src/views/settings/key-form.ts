import type { ApiKeyEnv, ApiKeyPermission, CreateApiKeyInput } from '../../__generated__/graphql';

/** What the new-key form holds: text as typed, choices as picked. */
export interface KeyDraft {
  readonly name: string;
  readonly env: ApiKeyEnv;
  readonly permissions: ReadonlySet<ApiKeyPermission>;
  /** Requests per minute; empty for the gateway's default. */
  readonly rateLimit: string;
}

export const PERMISSIONS: readonly { readonly id: ApiKeyPermission; readonly label: string; readonly help: string }[] = [
  { id: 'READ', label: 'read', help: 'queries: traces, services, topology, nodes, alert rules' },
  { id: 'WRITE', label: 'write', help: 'OTLP ingest and collector heartbeats' },
  { id: 'ADMIN', label: 'admin', help: 'alert rules and API keys' },
];

/** The gateway's per-key ceiling (src/domain/keys/auth.service.ts MAX_RATE_LIMIT). */
export const MAX_RATE_LIMIT = 10_000;
const NAME_MAX = 200;

/** The partition a key's prefix selects: mtk_live_… or mtk_test_…. */
export function envOfKey(key: string | null): ApiKeyEnv | null {
  if (key?.startsWith('mtk_live_')) return 'LIVE';
  if (key?.startsWith('mtk_test_')) return 'TEST';
  return null;
}

/**
 * The environments the console's own key may create keys in: a sandbox
 * (mtk_test_) admin key creates sandbox keys only, as the API enforces.
 */
export function allowedEnvs(current: ApiKeyEnv | null): readonly ApiKeyEnv[] {
  return current === 'TEST' ? ['TEST'] : ['LIVE', 'TEST'];
}

export function emptyDraft(current: ApiKeyEnv | null): KeyDraft {
  return { name: '', env: current === 'TEST' ? 'TEST' : 'LIVE', permissions: new Set<ApiKeyPermission>(['READ']), rateLimit: '' };
}

export type DraftProblems = Partial<Record<'name' | 'env' | 'permissions' | 'rateLimit', string>>;

/** What is wrong with the draft, field by field; empty when it can be sent. */
export function draftProblems(draft: KeyDraft, current: ApiKeyEnv | null): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.name.trim().length > NAME_MAX) problems.name = `At most ${NAME_MAX} characters.`;
  if (!allowedEnvs(current).includes(draft.env)) problems.env = 'A sandbox (mtk_test_) key can only create sandbox keys.';
  if (draft.permissions.size === 0) problems.permissions = 'Choose at least one permission.';
  const limit = draft.rateLimit.trim();
  if (limit !== '' && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_RATE_LIMIT)) {
    problems.rateLimit = `A whole number of requests per minute from 1 to ${MAX_RATE_LIMIT.toLocaleString('en-US')}, or empty for the default.`;
  }
  return problems;
}

export function toCreateInput(draft: KeyDraft): CreateApiKeyInput {
  const name = draft.name.trim();
  const limit = draft.rateLimit.trim();
  return {
    env: draft.env,
    // In the order the form lists them, whatever order they were ticked in.
    permissions: PERMISSIONS.map((p) => p.id).filter((id) => draft.permissions.has(id)),
    ...(name !== '' ? { name } : {}),
    ...(limit !== '' ? { rateLimit: Number(limit) } : {}),
  };
}

export function envLabel(env: ApiKeyEnv): string {
  return env === 'LIVE' ? 'live' : 'sandbox (test)';
}

/**
 * Whether a listed key is the one this console signed in with: the listed
 * prefix is the start of the plaintext (src/domain/keys/api-key-format.ts displayPrefix).
 */
export function isCurrentKey(prefix: string, current: string | null): boolean {
  return current !== null && prefix.length > 0 && current.startsWith(prefix);
}
