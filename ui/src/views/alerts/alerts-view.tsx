import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { graphql } from '../../__generated__';
import type { AlertChannelKind, AlertRuleRowFragment, AlertEventRowFragment } from '../../__generated__/graphql';
import { ApiError } from '../../api/client';
import { useClient, useQuery } from '../../api/hooks';
import { formatClock, formatDateTime } from '../../lib/format';
import { ErrorMessage } from '../shared';
import {
  CHANNELS,
  describeCondition,
  describeTarget,
  draftOf,
  EMPTY_DRAFT,
  METRICS,
  OPERATORS,
  SEVERITIES,
  thresholdProblem,
  toCreateInput,
  toUpdateInput,
  type RuleDraft,
} from './rule-draft';

// Declared for codegen: embedded by the rule operations below.
graphql(`
  fragment AlertRuleRow on AlertRule {
    id
    name
    severity
    status
    state
    stateSince
    lastValue
    lastEvaluatedAt
    channels
    condition {
      metric
      operator
      threshold
      window
      for
      service
      edge {
        source
        target
      }
    }
  }
`);

// Declared for codegen: embedded by the event query and subscription below.
graphql(`
  fragment AlertEventRow on AlertEvent {
    id
    at
    kind
    ruleId
    ruleName
    severity
    value
    condition {
      metric
      operator
      threshold
      window
      for
      service
      edge {
        source
        target
      }
    }
    notifications {
      channel
      status
      attempts
    }
  }
`);

const RulesQuery = graphql(`
  query ConsoleAlertRules {
    alertRules(first: 500) {
      edges {
        node {
          ...AlertRuleRow
        }
      }
    }
    alertChannels {
      kind
    }
  }
`);

const CreateRule = graphql(`
  mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {
    createAlertRule(input: $input) {
      ...AlertRuleRow
    }
  }
`);

const UpdateRule = graphql(`
  mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
    updateAlertRule(id: $id, input: $input) {
      ...AlertRuleRow
    }
  }
`);

const PauseRule = graphql(`
  mutation ConsolePauseAlertRule($id: ID!) {
    pauseAlertRule(id: $id) {
      ...AlertRuleRow
    }
  }
`);

const ResumeRule = graphql(`
  mutation ConsoleResumeAlertRule($id: ID!) {
    resumeAlertRule(id: $id) {
      ...AlertRuleRow
    }
  }
`);

const DeleteRule = graphql(`
  mutation ConsoleDeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);

const EventsQuery = graphql(`
  query ConsoleAlertEvents {
    alertEvents(first: 50) {
      edges {
        node {
          ...AlertEventRow
        }
      }
    }
  }
`);

const EventFeed = graphql(`
  subscription ConsoleAlertEventFeed {
    alertEvents {
      ...AlertEventRow
    }
  }
`);

/** Names for the service fields' suggestions. */
const ServiceNames = graphql(`
  query ConsoleAlertServiceNames {
    services(limit: 1000) {
      services {
        name
      }
    }
  }
`);

const FEED_KEPT = 100;

export function AlertsView() {
  useEffect(() => {
    document.title = 'Alerts · Mesh-Trace';
  }, []);
  return (
    <section aria-labelledby="alerts-title" class="view">
      <h1 id="alerts-title" tabIndex={-1}>
        Alerts
      </h1>
      <Rules />
      <EventsFeed />
    </section>
  );
}

type Editing = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly rule: AlertRuleRowFragment } | null;

function Rules() {
  const client = useClient();
  const { data, error, loading, reload } = useQuery(RulesQuery, {});
  const names = useQuery(ServiceNames, {});
  const serviceNames = useMemo(() => [...new Set(names.data?.services.services.map((s) => s.name) ?? [])].sort(), [names.data]);
  const [editing, setEditing] = useState<Editing>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const newButton = useRef<HTMLButtonElement>(null);
  const configured = new Set(data?.alertChannels.map((c) => c.kind) ?? []);
  const rules = data?.alertRules.edges.map((e) => e.node) ?? [];

  async function act(run: () => Promise<unknown>, done: string) {
    setActionError(null);
    try {
      await run();
      setStatus(done);
      reload();
    } catch (caught) {
      setActionError(caught instanceof ApiError ? caught : new ApiError(String(caught), 'internal_error'));
    }
  }

  if (error?.code === 'forbidden') {
    return (
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Rules</h2>
        <p>Managing alert rules needs an API key with the admin permission; this key can read the event feed below.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="rules-title" aria-busy={loading}>
      <div class="section-head">
        <h2 id="rules-title">Rules</h2>
        {editing === null && (
          <button type="button" ref={newButton} onClick={() => setEditing({ mode: 'create' })}>
            New rule
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {error !== undefined && <ErrorMessage error={error} context="Rules could not be loaded" />}
      {actionError !== null && <ErrorMessage error={actionError} context="The change was refused" />}
      {editing !== null && (
        <RuleForm
          key={editing.mode === 'edit' ? editing.rule.id : 'new'}
          initial={editing.mode === 'edit' ? draftOf(editing.rule) : EMPTY_DRAFT}
          title={editing.mode === 'edit' ? `Edit rule “${editing.rule.name}”` : 'New rule'}
          submitLabel={editing.mode === 'edit' ? 'Save rule' : 'Create rule'}
          configured={configured}
          serviceNames={serviceNames}
          onCancel={() => {
            setEditing(null);
            setActionError(null);
          }}
          onSubmit={async (draft) => {
            setActionError(null);
            try {
              if (editing.mode === 'edit') await client.request(UpdateRule, { id: editing.rule.id, input: toUpdateInput(draft) });
              else await client.request(CreateRule, { input: toCreateInput(draft) });
              setStatus(editing.mode === 'edit' ? `Rule ${draft.name} saved` : `Rule ${draft.name} created`);
              setEditing(null);
              reload();
              return null;
            } catch (caught) {
              return caught instanceof ApiError ? caught : new ApiError(String(caught), 'internal_error');
            }
          }}
        />
      )}
      {data !== undefined && rules.length === 0 && editing === null && <p>No alert rules yet.</p>}
      {rules.length > 0 && (
        <table class="rules-table">
          <caption class="visually-hidden">Alert rules in creation order</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Watches</th>
              <th scope="col">Condition</th>
              <th scope="col">Severity</th>
              <th scope="col">Channels</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-rule-id={r.id} data-rule-status={r.status}>
                <th scope="row">
                  {r.name}
                  <div class="muted small mono">{r.id}</div>
                </th>
                <td>{describeTarget(r.condition)}</td>
                <td>{describeCondition(r.condition)}</td>
                <td>
                  <span class={`severity severity-${r.severity.toLowerCase()}`}>{r.severity.toLowerCase()}</span>
                </td>
                <td>
                  {r.channels.map((c) => (
                    <span
                      key={c}
                      class={`chip${configured.has(c) ? '' : ' chip-warn'}`}
                      title={configured.has(c) ? undefined : 'Channel not configured: notifications will fail'}
                    >
                      {c.toLowerCase()}
                      {configured.has(c) ? '' : ' (not configured)'}
                    </span>
                  ))}
                </td>
                <td>
                  <span class={`state state-${r.state.toLowerCase()}`}>{r.status === 'PAUSED' ? 'paused' : r.state.toLowerCase()}</span>
                  {r.lastValue !== null && r.lastValue !== undefined && <div class="muted small">last value {r.lastValue}</div>}
                  {r.stateSince && <div class="muted small">since {formatDateTime(r.stateSince)}</div>}
                </td>
                <td class="row-actions">
                  {confirming === r.id ? (
                    <>
                      <button
                        type="button"
                        class="danger"
                        onClick={() => {
                          setConfirming(null);
                          void act(() => client.request(DeleteRule, { id: r.id }), `Rule ${r.name} deleted`).then(() =>
                            newButton.current?.focus(),
                          );
                        }}
                      >
                        Confirm delete of {r.name}
                      </button>
                      <button type="button" class="quiet" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="quiet"
                        aria-label={`Edit ${r.name}`}
                        onClick={() => setEditing({ mode: 'edit', rule: r })}
                      >
                        Edit
                      </button>
                      {r.status === 'ACTIVE' ? (
                        <button
                          type="button"
                          class="quiet"
                          aria-label={`Pause ${r.name}`}
                          onClick={() => void act(() => client.request(PauseRule, { id: r.id }), `Rule ${r.name} paused`)}
                        >
                          Pause
                        </button>
                      ) : (
                        <button
                          type="button"
                          class="quiet"
                          aria-label={`Resume ${r.name}`}
                          onClick={() => void act(() => client.request(ResumeRule, { id: r.id }), `Rule ${r.name} resumed`)}
                        >
                          Resume
                        </button>
                      )}
                      <button type="button" class="quiet" aria-label={`Delete ${r.name}`} onClick={() => setConfirming(r.id)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface RuleFormProps {
  readonly initial: RuleDraft;
  readonly title: string;
  readonly submitLabel: string;
  readonly configured: ReadonlySet<AlertChannelKind>;
  readonly serviceNames: readonly string[];
  onCancel(): void;
  /** Resolves with the error to show, or null when the rule was saved. */
  onSubmit(draft: RuleDraft): Promise<ApiError | null>;
}

function RuleForm({ initial, title, submitLabel, configured, serviceNames, onCancel, onSubmit }: RuleFormProps) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const unit = METRICS.find((m) => m.id === draft.metric)?.unit ?? '';

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = thresholdProblem(draft);
    setThresholdError(problem);
    if (problem !== null) return;
    setSaving(true);
    setError(await onSubmit(draft));
    setSaving(false);
  }

  /** The gateway names the offending input field in `param` (e.g. condition.threshold). */
  const invalid = (field: string) => error?.param !== null && error?.param !== undefined && error.param.split('.').includes(field);

  return (
    <form class="rule-form" onSubmit={submit} aria-labelledby="rule-form-title">
      <h3 id="rule-form-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {error !== null && <ErrorMessage error={error} context="The rule was not saved" />}
      <div class="field-grid">
        <label>
          Name
          <input
            type="text"
            required
            maxLength={200}
            value={draft.name}
            aria-invalid={invalid('name')}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <div class="field">
          <label for="rule-target">Watches</label>
          <select id="rule-target" value={draft.target} onChange={(e) => set({ target: e.currentTarget.value as RuleDraft['target'] })}>
            <option value="service">a service</option>
            <option value="edge">an edge (calls from a service to a node)</option>
          </select>
        </div>
        {draft.target === 'service' ? (
          <label>
            Service
            <input
              type="text"
              required
              list="alert-service-names"
              value={draft.service}
              aria-invalid={invalid('service')}
              onInput={(e) => set({ service: e.currentTarget.value })}
            />
          </label>
        ) : (
          <>
            <label>
              Caller
              <input
                type="text"
                required
                list="alert-service-names"
                value={draft.edgeSource}
                aria-invalid={invalid('edge')}
                onInput={(e) => set({ edgeSource: e.currentTarget.value })}
              />
            </label>
            <label>
              Callee
              <input
                type="text"
                required
                value={draft.edgeTarget}
                aria-invalid={invalid('edge')}
                onInput={(e) => set({ edgeTarget: e.currentTarget.value })}
              />
            </label>
          </>
        )}
        <label>
          Metric
          <select value={draft.metric} onChange={(e) => set({ metric: e.currentTarget.value as RuleDraft['metric'] })}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Operator
          <select value={draft.operator} onChange={(e) => set({ operator: e.currentTarget.value as RuleDraft['operator'] })}>
            {OPERATORS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.symbol}
              </option>
            ))}
          </select>
        </label>
        <div class="field">
          <label for="rule-threshold">Threshold ({unit})</label>
          <input
            id="rule-threshold"
            type="text"
            inputMode="decimal"
            required
            value={draft.threshold}
            aria-invalid={thresholdError !== null || invalid('threshold')}
            aria-describedby={thresholdError !== null ? 'threshold-error' : undefined}
            onInput={(e) => set({ threshold: e.currentTarget.value })}
          />
          {thresholdError !== null && (
            <span id="threshold-error" class="error small">
              {thresholdError}
            </span>
          )}
        </div>
        <div class="field">
          <label for="rule-window">Window</label>
          <input
            id="rule-window"
            type="text"
            required
            value={draft.window}
            aria-invalid={invalid('window')}
            aria-describedby="window-help"
            onInput={(e) => set({ window: e.currentTarget.value })}
          />
          <span id="window-help" class="muted small">
            whole minutes, 1m to 24h: 5m, 1h, 1h30m
          </span>
        </div>
        <div class="field">
          <label for="rule-for">For (optional)</label>
          <input
            id="rule-for"
            type="text"
            value={draft.for}
            aria-invalid={invalid('for')}
            aria-describedby="for-help"
            onInput={(e) => set({ for: e.currentTarget.value })}
          />
          <span id="for-help" class="muted small">
            how long the condition must hold before firing
          </span>
        </div>
        <label>
          Severity
          <select value={draft.severity} onChange={(e) => set({ severity: e.currentTarget.value as RuleDraft['severity'] })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <datalist id="alert-service-names">
        {serviceNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <fieldset class="channels" aria-invalid={invalid('channels')}>
        <legend>Notify on</legend>
        {CHANNELS.map((c) => (
          <label key={c} class="inline">
            <input
              type="checkbox"
              checked={draft.channels.includes(c)}
              onChange={(e) => set({ channels: e.currentTarget.checked ? [...draft.channels, c] : draft.channels.filter((x) => x !== c) })}
            />{' '}
            {c.toLowerCase()}
            {configured.has(c) ? '' : <span class="muted"> (not configured)</span>}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>{' '}
        <button type="button" class="quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EventsFeed() {
  const client = useClient();
  const initial = useQuery(EventsQuery, {});
  const [live, setLive] = useState<readonly AlertEventRowFragment[]>([]);
  const [feedError, setFeedError] = useState<ApiError | null>(null);

  useEffect(
    () =>
      client.subscribe(
        EventFeed,
        {},
        {
          next: (data) => setLive((list) => [data.alertEvents, ...list.filter((e) => e.id !== data.alertEvents.id)].slice(0, FEED_KEPT)),
          error: setFeedError,
        },
      ),
    [client],
  );

  const events = useMemo(() => {
    const seen = new Set(live.map((e) => e.id));
    return [...live, ...(initial.data?.alertEvents.edges.map((e) => e.node).filter((e) => !seen.has(e.id)) ?? [])].slice(0, FEED_KEPT);
  }, [live, initial.data]);

  return (
    <section aria-labelledby="feed-title" class="feed">
      <h2 id="feed-title">Events</h2>
      <p class="muted">Firing and resolved transitions, newest first; new ones appear as they happen.</p>
      {initial.error !== undefined && <ErrorMessage error={initial.error} context="Events could not be loaded" />}
      {feedError !== null && <ErrorMessage error={feedError} context="Live event feed" />}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label="Alert events">
        {events.length === 0 ? (
          <p class="muted">{initial.loading ? 'Loading events…' : 'No alert events yet.'}</p>
        ) : (
          <ol class="event-list">
            {events.map((e) => (
              <li key={e.id} class={`event event-${e.kind.toLowerCase()}`} data-event-id={e.id}>
                <time dateTime={e.at} title={formatDateTime(e.at)}>
                  {formatClock(e.at)}
                </time>{' '}
                <span class={`state state-${e.kind === 'FIRING' ? 'firing' : 'ok'}`}>{e.kind.toLowerCase()}</span>{' '}
                <strong>{e.ruleName}</strong>{' '}
                <span class={`severity severity-${e.severity.toLowerCase()}`}>{e.severity.toLowerCase()}</span>{' '}
                <span class="muted">
                  {describeTarget(e.condition)}: {describeCondition(e.condition)}
                  {e.value !== null && e.value !== undefined ? `, observed ${e.value}` : ', no data'}
                </span>
                {e.notifications.length > 0 && (
                  <span class="muted small">
                    {' '}
                    · {e.notifications.map((n) => `${n.channel.toLowerCase()} ${n.status.toLowerCase()}`).join(', ')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
