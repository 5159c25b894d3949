/**
 * The layers of docs/architecture.md, bottom to top; an import may only point
 * down (or stay within its own layer), type-only imports included, and the
 * graph has no cycles. `npm run check` (part of `npm test`) runs this.
 *
 * Tests sit above everything (a test beside a repository may start a whole
 * gateway), so the layer rules apply to non-test files only.
 */
const NOT_A_TEST = '\\.test\\.ts$';

/** Each layer and what it may import, besides itself and third-party packages. */
const LAYERS = [
  { name: 'base', path: '^src/(config|errors|logger|periodic-task|seeded-random)\\.ts$|^src/observability/', below: [] },
  { name: 'auth', path: '^src/auth/', below: ['base'] },
  { name: 'db', path: '^src/db/', below: ['base'] },
  // The wire codecs and model: nothing of ours but configuration and errors.
  { name: 'otlp', path: '^src/otlp/', below: ['^src/(config|errors)\\.ts$'] },
  // Demo traffic is a client of the gateway (the OpenTelemetry SDK over HTTP), not part of it.
  { name: 'demo', path: '^src/demo/', below: ['base'] },
  { name: 'events', path: '^src/events/', below: ['base'] },
  { name: 'graphql', path: '^src/graphql/', below: ['base', 'auth', 'otlp'] },
  { name: 'domain', path: '^src/domain/', below: ['base', 'auth', 'db', 'otlp', 'events', 'graphql'] },
  { name: 'schema', path: '^src/schema[.]', below: ['base', 'auth', 'db', 'otlp', 'events', 'graphql', 'domain'] },
  { name: 'http', path: '^src/http/', below: ['base', 'auth', 'db', 'otlp', 'events', 'graphql', 'domain', 'schema'] },
  { name: 'rest-compat', path: '^rest-compat/', below: ['base', 'auth', 'db', 'otlp', 'events', 'graphql', 'domain', 'schema', 'http'] },
];

const pathOf = (name) => LAYERS.find((layer) => layer.name === name)?.path ?? name;

const layerRules = LAYERS.map((layer) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} may import only ${layer.below.length === 0 ? 'itself' : `itself and ${layer.below.join(', ')}`} (imports point down).`,
  severity: 'error',
  from: { path: layer.path, pathNot: NOT_A_TEST },
  to: { path: '^(src|rest-compat)/', pathNot: [layer.path, ...layer.below.map(pathOf)] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycle, of any length, between modules of src/ and rest-compat/.',
      severity: 'error',
      from: { path: '^(src|rest-compat)/' },
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'The gateway never imports tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^(src|rest-compat)/', pathNot: NOT_A_TEST },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '__generated__' },
    // Type-only imports count: a type that names an upper layer couples to it as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
