import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './graphql/builder.js';
import './graphql/scalars.js';
import './graphql/any-value.js';
import './domain/traces/traces.graphql.js';
import './domain/traces/trace-page.graphql.js';
import './domain/traces/issues.graphql.js';
import './domain/traces/traces-by-ids.graphql.js';
import './domain/traces/trace-analysis.graphql.js';
import './domain/keys/keys.graphql.js';
import './domain/search/search.graphql.js';
import './domain/nodes/nodes.graphql.js';
import './domain/nodes/trace-completeness.graphql.js';
import './domain/traces/live-tail.graphql.js';
import './domain/services/topology.graphql.js';
import './domain/services/services.graphql.js';
import './domain/alerts/alerts.graphql.js';
import './domain/alerts/alert-channels.graphql.js';

/** The one public API: every area's types and fields, assembled. */
export const schema = builder.toSchema({ sortSchema: true });

/** The SDL committed as schema.graphql; a test fails when the file differs. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
