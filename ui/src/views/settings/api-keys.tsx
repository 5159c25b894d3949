import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { ApiKeyEnv, ApiKeyPermission, ApiKeyRowFragment } from '../../__generated__/graphql';
import { ApiError } from '../../api/client';
import { useClient, useQuery } from '../../api/hooks';
import { loadKey } from '../../api/key';
import { formatDateTime } from '../../lib/format';
import { ErrorMessage } from '../shared';
import {
  allowedEnvs,
  draftProblems,
  emptyDraft,
  envLabel,
  envOfKey,
  isCurrentKey,
  MAX_RATE_LIMIT,
  PERMISSIONS,
  toCreateInput,
  type KeyDraft,
} from './key-form';

// Declared for codegen: embedded by the operations below.
graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    env
    permissions
    rateLimit
    createdAt
    lastUsedAt
    revokedAt
  }
`);

const KeysQuery = graphql(`
  query ConsoleApiKeys {
    apiKeys {
      ...ApiKeyRow
    }
  }
`);

const CreateKey = graphql(`
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        ...ApiKeyRow
      }
    }
  }
`);

const RevokeKey = graphql(`
  mutation ConsoleRevokeApiKey($id: String!) {
    revokeApiKey(id: $id) {
      ...ApiKeyRow
    }
  }
`);

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(String(caught), 'internal_error'));

/**
 * The organization's API keys: list, create (the plaintext shown once, with a
 * copy button) and revoke (after a confirmation). Needs an admin key; a
 * sandbox admin key sees and creates sandbox keys only.
 */
export function ApiKeys() {
  const client = useClient();
  const { data, error, loading, reload } = useQuery(KeysQuery, {});
  const currentKey = loadKey();
  const currentEnv = envOfKey(currentKey);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ readonly key: string; readonly row: ApiKeyRowFragment } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRowFragment | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const newButton = useRef<HTMLButtonElement>(null);
  const keys = data?.apiKeys ?? [];

  if (error?.code === 'forbidden') {
    return (
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        <p>Managing API keys needs an API key with the admin permission; this console signed in with one that lacks it.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="keys-title" aria-busy={loading}>
      <div class="section-head">
        <h2 id="keys-title">API keys</h2>
        {!creating && created === null && (
          <button type="button" ref={newButton} onClick={() => setCreating(true)}>
            New key
          </button>
        )}
      </div>
      <p class="help">
        Keys authenticate the REST API (<code>Authorization: Bearer …</code>), GraphQL, OTLP ingest and this console. A key carries
        permissions — <code>read</code>, <code>write</code>, <code>admin</code> — and an environment: <code>mtk_live_</code> keys see live
        data, <code>mtk_test_</code> keys the sandbox only.{' '}
        {currentEnv === 'TEST' && 'This console signed in with a sandbox key, so it lists and creates sandbox keys only.'}
      </p>
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {error !== undefined && <ErrorMessage error={error} context="API keys could not be loaded" />}
      {actionError !== null && <ErrorMessage error={actionError} context="The change was refused" />}
      {creating && (
        <KeyForm
          currentEnv={currentEnv}
          onCancel={() => {
            setCreating(false);
            newButton.current?.focus();
          }}
          onSubmit={async (draft) => {
            try {
              const answer = await client.request(CreateKey, { input: toCreateInput(draft) });
              setCreating(false);
              setCreated({ key: answer.createApiKey.key, row: answer.createApiKey.apiKey });
              setStatus(`Key ${answer.createApiKey.apiKey.prefix}… created`);
              reload();
              return null;
            } catch (caught) {
              return asApiError(caught);
            }
          }}
        />
      )}
      {created !== null && (
        <CreatedKey
          plaintext={created.key}
          row={created.row}
          onDone={() => {
            // The plaintext leaves memory here: nothing else holds it.
            setCreated(null);
            setStatus('');
          }}
        />
      )}
      {data !== undefined && keys.length === 0 && <p>No API keys yet.</p>}
      {keys.length > 0 && (
        <table class="keys-table">
          <caption class="visually-hidden">API keys of the organization, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Permissions</th>
              <th scope="col">Environment</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoked</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-key-id={k.id} data-key-prefix={k.prefix} class={k.revokedAt ? 'revoked' : undefined}>
                <th scope="row">
                  {k.name === '' ? <span class="muted">(unnamed)</span> : k.name}
                  {isCurrentKey(k.prefix, currentKey) && <span class="chip">this console</span>}
                  <div class="muted small mono">{k.id}</div>
                </th>
                <td class="mono">{k.prefix}…</td>
                <td>
                  {k.permissions.map((p) => (
                    <span key={p} class="chip">
                      {p.toLowerCase()}
                    </span>
                  ))}
                </td>
                <td>{envLabel(k.env)}</td>
                <td>{formatDateTime(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span class="muted">never</span>}</td>
                <td>{k.revokedAt ? formatDateTime(k.revokedAt) : <span class="muted">active</span>}</td>
                <td class="row-actions">
                  {!k.revokedAt && (
                    <button type="button" class="quiet" aria-label={`Revoke ${k.name || k.prefix}`} onClick={() => setRevoking(k)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking !== null && (
        <RevokeDialog
          row={revoking}
          isCurrent={isCurrentKey(revoking.prefix, currentKey)}
          onCancel={() => setRevoking(null)}
          onConfirm={async () => {
            const row = revoking;
            setRevoking(null);
            setActionError(null);
            try {
              await client.request(RevokeKey, { id: row.id });
              setStatus(`Key ${row.prefix}… revoked`);
              reload();
            } catch (caught) {
              setActionError(asApiError(caught));
            }
          }}
        />
      )}
    </section>
  );
}

interface KeyFormProps {
  readonly currentEnv: ApiKeyEnv | null;
  onCancel(): void;
  /** Resolves with the error to show, or null when the key was created. */
  onSubmit(draft: KeyDraft): Promise<ApiError | null>;
}

function KeyForm({ currentEnv, onCancel, onSubmit }: KeyFormProps) {
  const [draft, setDraft] = useState(() => emptyDraft(currentEnv));
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const problems = draftProblems(draft, currentEnv);
  const visible = shown ? problems : {};
  const envs = allowedEnvs(currentEnv);
  const set = (patch: Partial<KeyDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    setShown(true);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setError(await onSubmit(draft));
    setSaving(false);
  }

  function toggle(permission: ApiKeyPermission, on: boolean) {
    const next = new Set(draft.permissions);
    if (on) next.add(permission);
    else next.delete(permission);
    set({ permissions: next });
  }

  return (
    <form class="key-form" onSubmit={submit} aria-labelledby="key-form-title" noValidate>
      <h3 id="key-form-title" ref={heading} tabIndex={-1}>
        Create an API key
      </h3>
      {error !== null && <ErrorMessage error={error} context="The key was not created" />}
      <div class="field-grid">
        <div class="field">
          <label for="key-name">Name</label>
          <input
            id="key-name"
            type="text"
            maxLength={200}
            placeholder="what uses it, e.g. ci-reader"
            value={draft.name}
            aria-invalid={visible.name !== undefined}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
          {visible.name !== undefined && <span class="error small">{visible.name}</span>}
        </div>
        <div class="field">
          <label for="key-rate-limit">Requests per minute (optional)</label>
          <input
            id="key-rate-limit"
            type="text"
            inputMode="numeric"
            placeholder="default"
            value={draft.rateLimit}
            aria-invalid={visible.rateLimit !== undefined}
            aria-describedby="key-rate-limit-help"
            onInput={(e) => set({ rateLimit: e.currentTarget.value })}
          />
          <span id="key-rate-limit-help" class={visible.rateLimit !== undefined ? 'error small' : 'muted small'}>
            {visible.rateLimit ?? `1 to ${MAX_RATE_LIMIT.toLocaleString('en-US')}; empty for the gateway's default`}
          </span>
        </div>
      </div>
      <fieldset>
        <legend>Environment</legend>
        {(['LIVE', 'TEST'] as const).map((env) => (
          <label key={env} class="inline">
            <input
              type="radio"
              name="key-env"
              value={env}
              checked={draft.env === env}
              disabled={!envs.includes(env)}
              onChange={() => set({ env })}
            />
            {envLabel(env)}
          </label>
        ))}
        {!envs.includes('LIVE') && <p class="muted small">This console signed in with a sandbox key: it can only create sandbox keys.</p>}
        {visible.env !== undefined && <p class="error small">{visible.env}</p>}
      </fieldset>
      <fieldset aria-describedby={visible.permissions !== undefined ? 'key-permissions-error' : undefined}>
        <legend>Permissions</legend>
        {PERMISSIONS.map((p) => (
          <label key={p.id} class="inline" title={p.help}>
            <input type="checkbox" checked={draft.permissions.has(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
            {p.label}
          </label>
        ))}
        {visible.permissions !== undefined && (
          <p id="key-permissions-error" class="error small">
            {visible.permissions}
          </p>
        )}
      </fieldset>
      <div class="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Creating…' : 'Create key'}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The plaintext of a new key, shown this once: the gateway never returns it again. */
function CreatedKey({ plaintext, row, onDone }: { plaintext: string; row: ApiKeyRowFragment; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(plaintext);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div class="created-key" role="region" aria-labelledby="created-key-title">
      <h3 id="created-key-title">Key created: copy it now</h3>
      <p>
        This is the only time the key <strong>{row.name || row.prefix}</strong> is shown. The gateway stores only a hash of it: once you
        close this, it cannot be retrieved again.
      </p>
      <div class="created-key-value">
        <label for="created-key-plaintext" class="visually-hidden">
          New API key
        </label>
        <input
          id="created-key-plaintext"
          ref={field}
          class="mono"
          type="text"
          readOnly
          value={plaintext}
          spellcheck={false}
          autocomplete="off"
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" class="small">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'The browser refused clipboard access: the key is selected, press Ctrl+C (⌘C) to copy it.'}
      </p>
      <button type="button" class="quiet" onClick={onDone}>
        I have stored the key
      </button>
    </div>
  );
}

interface RevokeDialogProps {
  readonly row: ApiKeyRowFragment;
  readonly isCurrent: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** A modal confirmation (the native <dialog>: focus stays inside, Escape cancels). */
function RevokeDialog({ row, isCurrent, onCancel, onConfirm }: RevokeDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog ref={dialog} class="revoke-dialog" aria-labelledby="revoke-title" aria-describedby="revoke-text" onCancel={onCancel}>
      <h3 id="revoke-title">Revoke {row.name || 'this key'}?</h3>
      <p id="revoke-text">
        Requests with <code>{row.prefix}…</code> are refused from the next one on, on every gateway instance, and its open live connections
        are closed. This cannot be undone.
        {isCurrent && ' This console signed in with this key: it will ask for another one.'}
      </p>
      <div class="form-actions">
        <button type="button" class="danger" onClick={onConfirm}>
          Revoke key
        </button>
        <button type="button" class="quiet" onClick={onCancel} autofocus>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
