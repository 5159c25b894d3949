import type { RestRoute } from '../route.js';
import { tracesRoutes } from './traces.routes.js';
import { nodesRoutes } from './nodes.routes.js';
import { mackerelRoutes } from './mackerel.routes.js';
import { servicesRoutes } from './services.routes.js';
import { alertsRoutes } from './alerts.routes.js';
import { jaegerRoutes } from './jaeger.routes.js';
import { tempoRoutes } from './tempo.routes.js';

/**
 * Every REST route the gateway serves under /v1, /api/v0, /api, /jaeger/api and /tempo, in one list: an area adds its
 * `<area>.routes.ts` export here. The adapter rejects two routes with the same
 * method and path at start-up.
 */
export const REST_ROUTES: readonly RestRoute[] = [
  ...tracesRoutes,
  ...nodesRoutes,
  ...mackerelRoutes,
  ...servicesRoutes,
  ...alertsRoutes,
  ...jaegerRoutes,
  ...tempoRoutes,
];
