import { useEffect } from 'preact/hooks';
import { Link, navigate, type Route } from '../../router';
import { ApiKeys } from './api-keys';
import { IpAllowList } from './ip-allow-list';
import './settings.css';

const SECTIONS = [
  { id: 'api-keys', label: 'API keys' },
  { id: 'ip-allow-list', label: 'IP allow-list' },
] as const;

/** Settings → API keys (the "Settings > API Keys" the REST document sends readers to) and the IP allow-list. */
export function SettingsView({ route }: { route: Route }) {
  const requested = route.path.split('/')[2] ?? '';
  // /settings shows the first section. Its address is corrected too, but this view does not wait for that:
  // the shell's route listener is attached after this child's effects run, so it may miss the event.
  const section = requested === '' ? SECTIONS[0].id : requested;

  useEffect(() => {
    if (requested === '') navigate(`/settings/${SECTIONS[0].id}`, { replace: true });
  }, [requested]);

  const label = SECTIONS.find((s) => s.id === section)?.label ?? 'Settings';
  useEffect(() => {
    document.title = `${label} · Settings · Mesh-Trace`;
  }, [label]);

  return (
    <section aria-labelledby="settings-title" class="view settings">
      <h1 id="settings-title" tabIndex={-1}>
        Settings
      </h1>
      <nav aria-label="Settings sections" class="settings-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <Link to={`/settings/${s.id}`} aria-current={section === s.id ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'api-keys' ? <ApiKeys /> : section === 'ip-allow-list' ? <IpAllowList /> : <p>No such settings section.</p>}
    </section>
  );
}
