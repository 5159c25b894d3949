import { useState } from 'preact/hooks';
import { graphql } from '../__generated__';
import { ApiError, GatewayClient } from '../api/client';
import { API_KEY_PATTERN } from '../api/key';

/** The cheapest read the key must be able to make: one page of one collector node. */
const KeyCheck = graphql(`
  query ConsoleKeyCheck {
    nodes(first: 1) {
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/**
 * Asks for the API key once per browser tab. The key is tried against the
 * gateway before it is kept, so a typo is reported here, not as a failed view.
 */
export function KeyEntry({ notice, onAccepted }: { notice: string | null; onAccepted: (key: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const key = value.trim();
    if (!API_KEY_PATTERN.test(key)) {
      setError('An API key looks like mtk_live_… or mtk_test_… followed by at least 16 characters.');
      return;
    }
    setChecking(true);
    setError(null);
    let refused = false;
    const probe = new GatewayClient(key, () => {
      refused = true;
    });
    try {
      await probe.request(KeyCheck, {});
      onAccepted(key);
    } catch (caught) {
      if (refused) setError('The gateway refused this key: it is unknown or revoked.');
      else if (caught instanceof ApiError && caught.code === 'forbidden') setError('This key lacks the read permission the console needs.');
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      probe.dispose();
      setChecking(false);
    }
  }

  return (
    <main id="main" class="key-entry">
      <h1>Mesh-Trace console</h1>
      {notice !== null && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit} aria-describedby="key-help">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'key-error' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Open console'}
        </button>
        {error !== null && (
          <p id="key-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p id="key-help" class="help">
        The key is kept in this tab's session storage only and sent to this gateway alone. It needs the <code>read</code> permission;
        managing alert rules needs <code>admin</code>. Create one with{' '}
        <code>npm run apikey -- create --org default --env live --permissions read,admin</code> or use <code>MESH_BOOTSTRAP_API_KEY</code>.
      </p>
    </main>
  );
}
