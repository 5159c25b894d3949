import { builder } from './builder.js';
import './scalars.js';
import './any-value.js';
import '../domain/traces/traces.graphql.js';
import '../domain/traces/trace-page.graphql.js';
import '../domain/traces/trace-analysis.graphql.js';
import '../domain/traces/issues.graphql.js';
import '../auth/keys.graphql.js';
import '../domain/search/search.graphql.js';
import '../domain/nodes/nodes.graphql.js';
import '../domain/traces/live-tail.graphql.js';
import '../domain/topology/topology.graphql.js';
import '../domain/services/services.graphql.js';
import '../domain/alerts/alerts.graphql.js';
import '../domain/alerts/alert-channels.graphql.js';

export const schema = builder.toSchema({ sortSchema: true });
