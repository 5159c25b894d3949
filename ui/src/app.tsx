import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { GatewayClient, type ConnectionState } from './api/client';
import { ClientContext } from './api/hooks';
import { clearKey, loadKey, saveKey } from './api/key';
import { Link, navigate, useRoute, type Route } from './router';
import { AlertsView } from './views/alerts/alerts-view';
import { KeyEntry } from './views/key-entry';
import { NodesBoard } from './views/nodes/nodes-board';
import { ServiceMap } from './views/map/service-map';
import { ServicePage } from './views/services/service-page';
import { ServicesView } from './views/services/services-view';
import { TraceCompareView } from './views/compare/trace-compare-view';
import { SettingsView } from './views/settings/settings-view';
import { TraceSearch } from './views/search/trace-search';
import { TraceDetail } from './views/trace/trace-detail';

const NAV = [
  { to: '/traces', label: 'Traces' },
  { to: '/services', label: 'Services' },
  { to: '/map', label: 'Service map' },
  { to: '/nodes', label: 'Collector nodes' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/settings', label: 'Settings' },
] as const;

export function App() {
  const [key, setKey] = useState(loadKey);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useMemo(
    () =>
      key === null
        ? null
        : new GatewayClient(key, () => {
            clearKey();
            setNotice('The gateway refused the API key (revoked or invalid). Enter a key to continue.');
            setKey(null);
          }),
    [key],
  );
  useEffect(() => () => client?.dispose(), [client]);

  if (client === null) {
    return (
      <KeyEntry
        notice={notice}
        onAccepted={(accepted) => {
          saveKey(accepted);
          setNotice(null);
          setKey(accepted);
        }}
      />
    );
  }
  return (
    <ClientContext.Provider value={client}>
      <Shell
        client={client}
        onForgetKey={() => {
          clearKey();
          setNotice(null);
          setKey(null);
        }}
      />
    </ClientContext.Provider>
  );
}

function Shell({ client, onForgetKey }: { client: GatewayClient; onForgetKey: () => void }) {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const section = route.path.split('/')[1] ?? '';

  useEffect(() => {
    if (route.path === '/' || route.path === '') navigate('/traces', { replace: true });
  }, [route.path]);

  // After an in-app navigation, move focus to the new view's heading so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Mesh-Trace</span>
        <nav aria-label="Console sections">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={`/${section}` === item.to ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LiveIndicator client={client} />
        <button type="button" class="quiet" onClick={onForgetKey}>
          Forget API key
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  const [, section, id] = route.path.split('/');
  switch (section) {
    case 'traces':
      return id ? <TraceDetail traceId={decodeURIComponent(id)} route={route} /> : <TraceSearch route={route} />;
    case 'services':
      return id ? <ServicePage name={decodeURIComponent(id)} route={route} /> : <ServicesView route={route} />;
    case 'compare':
      return <TraceCompareView route={route} />;
    case 'map':
      return <ServiceMap route={route} />;
    case 'nodes':
      return <NodesBoard />;
    case 'alerts':
      return <AlertsView />;
    case 'settings':
      return <SettingsView route={route} />;
    case undefined:
    case '':
      return null;
    default:
      return (
        <section aria-labelledby="not-found">
          <h1 id="not-found" tabIndex={-1}>
            Page not found
          </h1>
          <p>
            Nothing lives at this address. <Link to="/traces">Search traces</Link>.
          </p>
        </section>
      );
  }
}

const STATE_TEXT: Record<ConnectionState, string> = {
  live: 'Live updates connected',
  connecting: 'Connecting live updates…',
  reconnecting: 'Live updates lost, reconnecting…',
  closed: 'Live updates idle',
};

/** The graphql-ws connection, which only exists while a view subscribes (the board, the alert feed). */
function LiveIndicator({ client }: { client: GatewayClient }) {
  const [state, setState] = useState<ConnectionState>('closed');
  useEffect(() => client.onConnectionState(setState), [client]);
  return (
    <span class={`live-indicator live-${state}`} role="status">
      <span aria-hidden="true" class="dot" />
      {STATE_TEXT[state]}
    </span>
  );
}
