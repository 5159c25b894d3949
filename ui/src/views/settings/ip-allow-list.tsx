import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import { ApiError } from '../../api/client';
import { useClient, useQuery } from '../../api/hooks';
import { ErrorMessage } from '../shared';
import { cidrsOfText, textOfCidrs } from './allow-list-form';

const OrganizationQuery = graphql(`
  query ConsoleOrganization {
    organization {
      id
      ipAllowList
    }
  }
`);

const SetAllowList = graphql(`
  mutation ConsoleSetIpAllowList($cidrs: [String!]!, $force: Boolean) {
    setIpAllowList(cidrs: $cidrs, force: $force) {
      id
      ipAllowList
    }
  }
`);

/**
 * Settings → IP allow-list: the CIDR blocks the organization's keys may be
 * used from (empty: anywhere). A list that excludes this browser's own address
 * is refused by the gateway unless the user confirms the lock-out.
 */
export function IpAllowList() {
  const client = useClient();
  const { data, error, loading, reload } = useQuery(OrganizationQuery, {});
  const [text, setText] = useState('');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [needsForce, setNeedsForce] = useState(false);
  const [force, setForce] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const saved = data?.organization.ipAllowList;

  useEffect(() => {
    if (saved !== undefined) setText(textOfCidrs(saved));
  }, [saved?.join(',')]);

  if (error?.code === 'forbidden') {
    return (
      <section aria-labelledby="allow-list-title">
        <h2 id="allow-list-title">IP allow-list</h2>
        <p>The IP allow-list needs an API key with the admin permission; this console signed in with one that lacks it.</p>
      </section>
    );
  }

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setActionError(null);
    try {
      const answer = await client.request(SetAllowList, { cidrs: cidrsOfText(text), force });
      const list = answer.setIpAllowList.ipAllowList;
      setText(textOfCidrs(list));
      setNeedsForce(false);
      setForce(false);
      setStatus(list.length === 0 ? 'IP allow-list cleared: every address admitted' : `IP allow-list saved: ${list.length} blocks`);
      reload();
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(String(caught), 'internal_error');
      setActionError(failure);
      setNeedsForce(failure.param === 'force');
    }
    setSaving(false);
  }

  return (
    <section aria-labelledby="allow-list-title" aria-busy={loading}>
      <h2 id="allow-list-title">IP allow-list</h2>
      <p class="help">
        When the list is not empty, every key of the organization is refused (<code>403 ip_not_allowed</code>) outside these CIDR blocks, on
        every API: REST, GraphQL, WebSockets and OTLP ingest. IPv4 and IPv6 blocks, one per line; an empty list admits every address. A
        change applies within 2 seconds on every gateway instance.
      </p>
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {error !== undefined && <ErrorMessage error={error} context="The IP allow-list could not be loaded" />}
      {actionError !== null && <ErrorMessage error={actionError} context="The IP allow-list was not saved" />}
      <form class="key-form" onSubmit={save} aria-labelledby="allow-list-title">
        <label>
          CIDR blocks
          <textarea
            name="cidrs"
            rows={6}
            class="mono"
            placeholder={'10.0.0.0/8\n2001:db8::/32'}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        {needsForce && (
          <label>
            <input type="checkbox" name="force" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} /> Save anyway: this
            console will be locked out (the <code>npm run org -- allow-ips</code> CLI can always clear the list)
          </label>
        )}
        <div>
          <button type="submit" disabled={saving || data === undefined}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
