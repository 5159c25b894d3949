/**
 * Trace plans: a trace as plain data (times relative to the trace start,
 * drawn from a seeded PRNG) before it is replayed through the SDK, so that
 * the same plan can be placed anywhere in time.
 */
import { SpanKind, type Attributes } from '@opentelemetry/api';
import { CLUSTERS, SERVICE_PORT, SERVICES, serviceHost, type ClusterName, type ClusterSpec, type ServiceName } from './fleet.js';
import type { Rng } from './rng.js';

interface PlannedException {
  readonly type: string;
  readonly message: string;
  readonly stacktrace: string;
  readonly atUs: number;
}

/** A span to be emitted; times are microseconds from the trace start. */
export class PlannedSpan {
  readonly children: PlannedSpan[] = [];
  endUs: number;
  failed = false;
  exception: PlannedException | undefined;

  constructor(
    readonly service: ServiceName,
    readonly name: string,
    readonly kind: SpanKind,
    readonly startUs: number,
    readonly attributes: Attributes,
  ) {
    this.endUs = startUs;
  }

  child(service: ServiceName, name: string, kind: SpanKind, startUs: number, attributes: Attributes): PlannedSpan {
    const span = new PlannedSpan(service, name, kind, startUs, attributes);
    this.children.push(span);
    return span;
  }

  /** A span of this same service (its own work, or a call to a peer that emits no spans), ending after `durationUs`. */
  local(name: string, kind: SpanKind, startUs: number, durationUs: number, attributes: Attributes): PlannedSpan {
    const span = this.child(this.service, name, kind, startUs, attributes);
    span.endUs = startUs + durationUs;
    return span;
  }

  fail(errorType: string): void {
    this.failed = true;
    this.attributes['error.type'] = errorType;
  }
}

export interface TracePlan {
  readonly cluster: ClusterName;
  readonly replicas: Readonly<Record<ServiceName, number>>;
  readonly root: PlannedSpan;
}

interface Outcome {
  readonly status: number;
  readonly endUs: number;
}

/** Everything a route planner needs about the trace being built. */
interface TraceDraft {
  readonly rng: Rng;
  readonly cluster: ClusterSpec;
  /** The p99 tail: one dependency of this trace answers an order of magnitude slower than usual. */
  readonly slow: boolean;
}

type RoutePlanner = (draft: TraceDraft) => PlannedSpan;

/** Shares of the traffic; the order-placing path is the deep one. */
const ROUTES: readonly { readonly weight: number; readonly plan: RoutePlanner }[] = [
  { weight: 0.35, plan: planPlaceOrder },
  { weight: 0.25, plan: planGetOrder },
  { weight: 0.25, plan: planListProducts },
  { weight: 0.15, plan: planGetProduct },
];

const SLOW_TRACE_PROBABILITY = 0.02;
const PAYMENT_FAILURE_PROBABILITY = 0.04;
const STRIPE_TIMEOUT_MS = 3000;

/** Prices end in .99 so that order totals are never whole numbers: the OTLP encoder sends whole JS numbers as intValue, and order.total_amount must stay a double. */
const CATALOG: readonly { readonly sku: string; readonly price: number; readonly category: string }[] = [
  { sku: 'SKU-1001', price: 12.99, category: 'books' },
  { sku: 'SKU-1002', price: 24.99, category: 'books' },
  { sku: 'SKU-2001', price: 59.99, category: 'shoes' },
  { sku: 'SKU-2002', price: 89.99, category: 'shoes' },
  { sku: 'SKU-3001', price: 4.99, category: 'kitchen' },
  { sku: 'SKU-3002', price: 18.99, category: 'kitchen' },
  { sku: 'SKU-4001', price: 149.99, category: 'electronics' },
  { sku: 'SKU-4002', price: 29.99, category: 'electronics' },
];

const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'ShopApp/5.2.1 (Android 14; Pixel 8)',
  'okhttp/4.12.0',
];

export function planTrace(rng: Rng): TracePlan {
  const cluster = rng.chance(0.55) ? CLUSTERS['prod-eu-1'] : CLUSTERS['prod-us-1'];
  const replica = (service: ServiceName): number => rng.int(0, SERVICES[service].replicas - 1);
  const replicas: Record<ServiceName, number> = {
    'api-gateway': replica('api-gateway'),
    'order-svc': replica('order-svc'),
    'inventory-svc': replica('inventory-svc'),
    'payment-svc': replica('payment-svc'),
    'notification-svc': replica('notification-svc'),
  };
  const draft: TraceDraft = { rng, cluster, slow: rng.chance(SLOW_TRACE_PROBABILITY) };
  return { cluster: cluster.name, replicas, root: rng.weighted(ROUTES).plan(draft) };
}

export function traceDurationUs(span: PlannedSpan): number {
  return span.children.reduce((latest, child) => Math.max(latest, traceDurationUs(child)), span.endUs);
}

/** The public entry point: SERVER span on api-gateway, token check, then the route's upstream work. */
function gatewayRequest(
  draft: TraceDraft,
  method: string,
  route: string,
  path: string,
  handle: (root: PlannedSpan, startUs: number) => Outcome,
): PlannedSpan {
  const { rng, cluster } = draft;
  const root = new PlannedSpan('api-gateway', `${method} ${route}`, SpanKind.SERVER, 0, {
    'http.request.method': method,
    'url.scheme': 'https',
    'url.path': path,
    'http.route': route,
    'server.address': cluster.publicHost,
    'server.port': 443,
    'network.protocol.version': '2',
    'client.address': `203.0.113.${rng.int(1, 254)}`,
    'user_agent.original': rng.pick(USER_AGENTS),
  });
  const auth = root.local('verify access token', SpanKind.INTERNAL, rng.uniformUs(0.05, 0.2), rng.durationUs(0.4, 0.5), {
    'auth.scheme': 'bearer',
    'cache.hit': rng.chance(0.9),
  });
  const outcome = handle(root, auth.endUs + rng.uniformUs(0.02, 0.1));
  // Upstream failures are not leaked to clients: the gateway answers 500.
  const status = outcome.status >= 500 ? 500 : outcome.status;
  root.attributes['http.response.status_code'] = status;
  if (status >= 500) root.fail(String(status));
  root.endUs = outcome.endUs + rng.durationUs(0.3, 0.4);
  return root;
}

/** CLIENT span in the caller, SERVER span in the callee, with network time on both sides. */
function httpCall(
  draft: TraceDraft,
  caller: PlannedSpan,
  target: ServiceName,
  method: string,
  route: string,
  path: string,
  startUs: number,
  handle: (server: PlannedSpan, startUs: number) => Outcome,
): Outcome {
  const { rng } = draft;
  const host = serviceHost(target);
  const name = `${method} ${route}`;
  const client = caller.child(caller.service, name, SpanKind.CLIENT, startUs, {
    'http.request.method': method,
    'url.full': `http://${host}:${SERVICE_PORT}${path}`,
    'url.template': route,
    'server.address': host,
    'server.port': SERVICE_PORT,
  });
  const serverStartUs = startUs + rng.durationUs(0.4, 0.4);
  const server = client.child(target, name, SpanKind.SERVER, serverStartUs, {
    'http.request.method': method,
    'url.scheme': 'http',
    'url.path': path,
    'http.route': route,
    'server.address': host,
    'server.port': SERVICE_PORT,
    'network.protocol.version': '1.1',
    'user_agent.original': `${caller.service}/${SERVICES[caller.service].version[draft.cluster.name]}`,
  });
  const outcome = handle(server, serverStartUs + rng.durationUs(0.1, 0.3));
  server.endUs = outcome.endUs + rng.durationUs(0.15, 0.3);
  client.endUs = server.endUs + rng.durationUs(0.4, 0.4);
  server.attributes['http.response.status_code'] = outcome.status;
  client.attributes['http.response.status_code'] = outcome.status;
  if (outcome.status >= 500) {
    server.fail(server.exception?.type ?? String(outcome.status));
    client.fail(String(outcome.status));
  }
  return { status: outcome.status, endUs: client.endUs };
}

/** A query against postgres-orders; span name per semconv: `{db.operation.name} {db.collection.name}`. */
function dbQuery(
  caller: PlannedSpan,
  operation: string,
  table: string,
  query: string,
  startUs: number,
  durationUs: number,
  returnedRows?: number,
): PlannedSpan {
  const attributes: Attributes = {
    'db.system.name': 'postgresql',
    'db.namespace': 'orders',
    'db.collection.name': table,
    'db.operation.name': operation,
    'db.query.text': query,
    'server.address': 'postgres-orders',
    'server.port': 5432,
  };
  if (returnedRows !== undefined) attributes['db.response.returned_rows'] = returnedRows;
  return caller.local(`${operation} ${table}`, SpanKind.CLIENT, startUs, durationUs, attributes);
}

/** A call to a service outside the mesh: only the CLIENT span exists, `peer.service` names the other side. */
function externalCall(
  caller: PlannedSpan,
  peerService: string,
  host: string,
  method: string,
  route: string,
  startUs: number,
  durationUs: number,
  status: number | undefined,
): PlannedSpan {
  const attributes: Attributes = {
    'http.request.method': method,
    'url.full': `https://${host}${route}`,
    'url.template': route,
    'server.address': host,
    'server.port': 443,
    'peer.service': peerService,
  };
  if (status !== undefined) attributes['http.response.status_code'] = status;
  return caller.local(`${method} ${route}`, SpanKind.CLIENT, startUs, durationUs, attributes);
}

function planPlaceOrder(draft: TraceDraft): PlannedSpan {
  return gatewayRequest(draft, 'POST', '/api/orders', '/api/orders', (root, startUs) =>
    httpCall(draft, root, 'order-svc', 'POST', '/orders', '/orders', startUs, (orders, t0) => placeOrder(draft, orders, t0)),
  );
}

function placeOrder(draft: TraceDraft, orders: PlannedSpan, startUs: number): Outcome {
  const { rng, cluster } = draft;
  const items = rng.sample(CATALOG, rng.int(1, 4));
  const quantities = items.map(() => rng.int(1, 3));
  const totalCents = items.reduce((sum, item, i) => sum + Math.round(item.price * 100) * (quantities[i] ?? 1), 0);
  const orderId = rng.id('ord_', 12);
  Object.assign(orders.attributes, {
    'order.id': orderId,
    'customer.id': rng.id('cus_', 10),
    'order.item_count': items.length,
    'order.item_skus': items.map((item) => item.sku),
    'order.item_quantities': quantities,
    'order.total_amount': totalCents / 100,
    'order.currency': cluster.currency,
  });

  const reservation = httpCall(
    draft,
    orders,
    'inventory-svc',
    'POST',
    '/inventory/reservations',
    '/inventory/reservations',
    startUs,
    (inventory, t0) => {
      const cache = inventory.local('product cache lookup', SpanKind.INTERNAL, t0, rng.durationUs(0.3, 0.4), {
        'cache.hit': rng.chance(0.7),
      });
      let t = cache.endUs;
      if (cache.attributes['cache.hit'] === false) {
        t = dbQuery(
          inventory,
          'SELECT',
          'products',
          'SELECT sku, price, active FROM products WHERE sku = ANY($1)',
          t,
          rng.durationUs(2, 0.5),
          items.length,
        ).endUs;
      }
      const reserve = dbQuery(
        inventory,
        'UPDATE',
        'inventory',
        'UPDATE inventory SET reserved = reserved + r.qty FROM unnest($1::text[], $2::int[]) AS r(sku, qty) WHERE inventory.sku = r.sku AND inventory.available - inventory.reserved >= r.qty',
        t + rng.uniformUs(0.05, 0.2),
        rng.durationUs(4, 0.5),
      );
      return { status: 201, endUs: reserve.endUs };
    },
  );

  const payment = httpCall(
    draft,
    orders,
    'payment-svc',
    'POST',
    '/payments/charges',
    '/payments/charges',
    reservation.endUs + rng.uniformUs(0.05, 0.3),
    (payments, t0) => charge(draft, payments, t0, totalCents),
  );
  if (payment.status >= 500) return { status: 502, endUs: payment.endUs + rng.durationUs(0.3, 0.3) };

  const insert = dbQuery(
    orders,
    'INSERT',
    'orders',
    'INSERT INTO orders (id, customer_id, currency, total_amount, status) VALUES ($1, $2, $3, $4, $5)',
    payment.endUs + rng.uniformUs(0.05, 0.2),
    rng.durationUs(3, 0.5),
  );
  const publish = orders.local('send order-events', SpanKind.PRODUCER, insert.endUs + rng.uniformUs(0.05, 0.2), rng.durationUs(1.5, 0.5), {
    'messaging.system': 'kafka',
    'messaging.destination.name': 'order-events',
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'send',
    'messaging.destination.partition.id': String(rng.int(0, 11)),
    'kafka.message.key': orderId,
    'server.address': 'kafka.shop.svc.cluster.local',
    'server.port': 9092,
  });
  notifyCustomer(draft, publish, orderId);
  return { status: 201, endUs: publish.endUs + rng.durationUs(0.2, 0.3) };
}

/** Runs after the order is placed, so it usually ends after the gateway has answered: the trace outlives its root. */
function notifyCustomer(draft: TraceDraft, publish: PlannedSpan, orderId: string): void {
  const { rng } = draft;
  const consumer = publish.child('notification-svc', 'process order-events', SpanKind.CONSUMER, publish.endUs + rng.durationUs(15, 0.8), {
    'messaging.system': 'kafka',
    'messaging.destination.name': 'order-events',
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.consumer.group.name': 'notification-svc',
    'messaging.destination.partition.id': publish.attributes['messaging.destination.partition.id'],
    'kafka.message.key': orderId,
    'kafka.offset': rng.int(100_000, 9_000_000),
  });
  const render = consumer.local(
    'render order confirmation',
    SpanKind.INTERNAL,
    consumer.startUs + rng.uniformUs(0.1, 0.4),
    rng.durationUs(3, 0.4),
    {
      'notification.channel': 'email',
      'notification.template': 'order-confirmation',
    },
  );
  const send = externalCall(
    consumer,
    'sendgrid-api',
    'api.sendgrid.com',
    'POST',
    '/v3/mail/send',
    render.endUs + rng.uniformUs(0.05, 0.2),
    rng.durationUs(90, 0.4),
    202,
  );
  consumer.endUs = send.endUs + rng.durationUs(0.3, 0.3);
}

function charge(draft: TraceDraft, payments: PlannedSpan, startUs: number, amountCents: number): Outcome {
  const { rng, cluster } = draft;
  Object.assign(payments.attributes, {
    'payment.amount': amountCents / 100,
    'payment.currency': cluster.currency,
    'payment.method': rng.pick(['card', 'card', 'card', 'sepa_debit', 'apple_pay']),
  });
  const fraud = payments.local('score fraud risk', SpanKind.INTERNAL, startUs, rng.durationUs(2, 0.4), {
    'payment.risk_score': rng.int(1, 999) / 1000,
    'payment.risk_model': 'gbm-2025-10',
  });
  const stripeStartUs = fraud.endUs + rng.uniformUs(0.05, 0.2);

  if (rng.chance(PAYMENT_FAILURE_PROBABILITY)) {
    const timedOut = rng.chance(0.5);
    const stripe = externalCall(
      payments,
      'stripe-api',
      'api.stripe.com',
      'POST',
      '/v1/payment_intents',
      stripeStartUs,
      timedOut ? STRIPE_TIMEOUT_MS * 1000 : rng.durationUs(120, 0.4),
      timedOut ? undefined : 503,
    );
    stripe.fail(timedOut ? 'timeout' : '503');
    const message = timedOut ? `Stripe did not answer within ${STRIPE_TIMEOUT_MS} ms` : 'Stripe answered 503 Service Unavailable';
    const atUs = stripe.endUs + rng.uniformUs(0.05, 0.2);
    payments.exception = {
      type: 'PaymentProviderError',
      message,
      stacktrace: [
        `PaymentProviderError: ${message}`,
        '    at StripeGateway.createPaymentIntent (/app/dist/providers/stripe-gateway.js:88:13)',
        '    at async ChargeService.charge (/app/dist/charges/charge.service.js:54:22)',
        '    at async ChargesController.create (/app/dist/charges/charges.controller.js:31:20)',
      ].join('\n'),
      atUs,
    };
    return { status: 502, endUs: atUs + rng.durationUs(0.3, 0.3) };
  }

  const stripe = externalCall(
    payments,
    'stripe-api',
    'api.stripe.com',
    'POST',
    '/v1/payment_intents',
    stripeStartUs,
    draft.slow ? rng.uniformUs(1500, 4500) : rng.durationUs(180, 0.35),
    200,
  );
  const insert = dbQuery(
    payments,
    'INSERT',
    'payments',
    'INSERT INTO payments (id, order_id, provider, amount, currency, status) VALUES ($1, $2, $3, $4, $5, $6)',
    stripe.endUs + rng.uniformUs(0.05, 0.2),
    rng.durationUs(2.5, 0.5),
  );
  return { status: 201, endUs: insert.endUs };
}

function planGetOrder(draft: TraceDraft): PlannedSpan {
  const { rng } = draft;
  const orderId = rng.id('ord_', 12);
  return gatewayRequest(draft, 'GET', '/api/orders/{id}', `/api/orders/${orderId}`, (root, startUs) =>
    httpCall(draft, root, 'order-svc', 'GET', '/orders/{id}', `/orders/${orderId}`, startUs, (orders, t0) => {
      orders.attributes['order.id'] = orderId;
      const cache = orders.local('order cache lookup', SpanKind.INTERNAL, t0, rng.durationUs(0.3, 0.4), { 'cache.hit': rng.chance(0.6) });
      if (cache.attributes['cache.hit'] === true) return { status: 200, endUs: cache.endUs };
      const itemCount = rng.int(1, 4);
      const select = dbQuery(
        orders,
        'SELECT',
        'orders',
        'SELECT o.id, o.status, o.total_amount, i.sku, i.quantity FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = $1',
        cache.endUs + rng.uniformUs(0.05, 0.2),
        draft.slow ? rng.uniformUs(500, 1500) : rng.durationUs(2.5, 0.5),
        itemCount,
      );
      return { status: 200, endUs: select.endUs };
    }),
  );
}

function planListProducts(draft: TraceDraft): PlannedSpan {
  const { rng } = draft;
  const category = rng.pick(CATALOG).category;
  const pageSize = rng.pick([12, 24, 48]);
  const root = gatewayRequest(draft, 'GET', '/api/products', '/api/products', (gateway, startUs) =>
    httpCall(draft, gateway, 'inventory-svc', 'GET', '/products', '/products', startUs, (inventory, t0) => {
      Object.assign(inventory.attributes, { 'product.category': category, 'product.page_size': pageSize });
      const cache = inventory.local('product cache lookup', SpanKind.INTERNAL, t0, rng.durationUs(0.3, 0.4), {
        'cache.hit': rng.chance(0.8),
      });
      if (cache.attributes['cache.hit'] === true) return { status: 200, endUs: cache.endUs };
      const select = dbQuery(
        inventory,
        'SELECT',
        'products',
        'SELECT sku, name, price, available FROM products WHERE category = $1 AND active ORDER BY popularity DESC LIMIT $2',
        cache.endUs + rng.uniformUs(0.05, 0.2),
        draft.slow ? rng.uniformUs(800, 2000) : rng.durationUs(6, 0.6),
        pageSize,
      );
      return { status: 200, endUs: select.endUs };
    }),
  );
  root.attributes['url.query'] = `category=${category}&limit=${pageSize}`;
  return root;
}

function planGetProduct(draft: TraceDraft): PlannedSpan {
  const { rng } = draft;
  const sku = rng.pick(CATALOG).sku;
  return gatewayRequest(draft, 'GET', '/api/products/{sku}', `/api/products/${sku}`, (gateway, startUs) =>
    httpCall(draft, gateway, 'inventory-svc', 'GET', '/products/{sku}', `/products/${sku}`, startUs, (inventory, t0) => {
      const select = dbQuery(
        inventory,
        'SELECT',
        'products',
        'SELECT p.sku, p.name, p.price, i.available - i.reserved AS in_stock FROM products p JOIN inventory i USING (sku) WHERE p.sku = $1',
        t0,
        draft.slow ? rng.uniformUs(500, 1500) : rng.durationUs(1.5, 0.5),
        1,
      );
      return { status: 200, endUs: select.endUs };
    }),
  );
}
