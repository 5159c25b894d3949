/**
 * Maps a request path to the route template it was served by, for metric
 * labels: `/v1/traces/4bf9…` counts as `/v1/traces/{trace_id}`, so the number
 * of series stays bounded whatever clients send. Paths no route claims are
 * one label, `unmatched`, except under a known API prefix, which keeps its
 * prefix (`/api/v0/*`) so that a whole area stays visible.
 */
export function routeLabeler(templates: readonly string[], prefixes: readonly string[] = ['/api/v0/', '/v1/']): (path: string) => string {
  const exact = new Set(templates.filter((t) => !t.includes('{')));
  const patterns = templates
    .filter((t) => t.includes('{'))
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split('/')
          .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/')}$`,
      ),
    }));
  return (path) => {
    if (exact.has(path)) return path;
    const matched = patterns.find((p) => p.pattern.test(path));
    if (matched !== undefined) return matched.template;
    const prefix = prefixes.find((p) => path.startsWith(p));
    return prefix === undefined ? 'unmatched' : `${prefix}*`;
  };
}
