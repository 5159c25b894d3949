import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Where the gateway mounts the console (src/http/static-ui.ts); every route below is relative to it. */
export const BASE = '/ui';

export interface Route {
  /** The path below BASE, starting with '/'. */
  readonly path: string;
  readonly query: URLSearchParams;
}

function current(): Route {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || '/' : pathname;
  return { path, query: new URLSearchParams(search) };
}

const NAVIGATED = 'mesh-trace:navigated';

/** Moves to `to` (relative to BASE, may carry a query) through the history API, without a reload. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = href(to);
  if (url === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function href(to: string): string {
  return `${BASE}${to}`;
}

const locationKey = () => window.location.pathname + window.location.search;

export function useRoute(): Route {
  const [state, setState] = useState(() => ({ at: locationKey(), route: current() }));
  useEffect(() => {
    const update = () => setState({ at: locationKey(), route: current() });
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    // Effects of child views run before this one: a view that navigated on its first render (a deep
    // link completed with defaults) did so before anyone listened, so catch up with the address bar.
    if (locationKey() !== state.at) update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return state.route;
}

interface LinkProps {
  /** Path below BASE, with its query if any. */
  readonly to: string;
  readonly class?: string;
  readonly 'aria-current'?: 'page';
  readonly 'aria-label'?: string;
  readonly children?: ComponentChildren;
}

/**
 * A real anchor (so middle-click, copy link and screen readers work) whose
 * plain left click navigates inside the app.
 */
export function Link({ to, children, ...props }: LinkProps) {
  return (
    <a
      {...props}
      href={href(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
