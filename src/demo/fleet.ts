/**
 * The simulated fleet: five services in two clusters, one tracer provider per
 * service instance, each with its own resource and OTLP/HTTP protobuf exporter.
 */
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

const MAX_QUEUE_SIZE = 4096;
const INSTRUMENTATION_SCOPE = 'mesh-trace-demo';
/** ExportResultCode.SUCCESS of @opentelemetry/core, which is not a direct dependency of this package. */
const EXPORT_SUCCESS = 0;

const SERVICE_NAMES = ['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc', 'notification-svc'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const CLUSTER_NAMES = ['prod-eu-1', 'prod-us-1'] as const;
export type ClusterName = (typeof CLUSTER_NAMES)[number];

interface ServiceSpec {
  readonly namespace: 'shop' | 'payments';
  readonly replicas: number;
  /** Versions differ per cluster where a rollout is in progress, so version filters have something to find. */
  readonly version: Readonly<Record<ClusterName, string>>;
}

export const SERVICES: Readonly<Record<ServiceName, ServiceSpec>> = {
  'api-gateway': { namespace: 'shop', replicas: 2, version: { 'prod-eu-1': '2.14.0', 'prod-us-1': '2.14.0' } },
  'order-svc': { namespace: 'shop', replicas: 2, version: { 'prod-eu-1': '1.9.3', 'prod-us-1': '1.10.0' } },
  'inventory-svc': { namespace: 'shop', replicas: 1, version: { 'prod-eu-1': '3.2.1', 'prod-us-1': '3.2.1' } },
  'payment-svc': { namespace: 'payments', replicas: 1, version: { 'prod-eu-1': '4.0.2', 'prod-us-1': '4.0.2' } },
  'notification-svc': { namespace: 'shop', replicas: 1, version: { 'prod-eu-1': '0.7.0', 'prod-us-1': '0.7.0' } },
};

export interface ClusterSpec {
  readonly name: ClusterName;
  readonly region: string;
  readonly publicHost: string;
  readonly currency: 'EUR' | 'USD';
}

export const CLUSTERS: Readonly<Record<ClusterName, ClusterSpec>> = {
  'prod-eu-1': { name: 'prod-eu-1', region: 'eu-west-1', publicHost: 'shop.eu.example.com', currency: 'EUR' },
  'prod-us-1': { name: 'prod-us-1', region: 'us-east-1', publicHost: 'shop.us.example.com', currency: 'USD' },
};

export const SERVICE_PORT = 8080;

export function serviceHost(service: ServiceName): string {
  return `${service}.${SERVICES[service].namespace}.svc.cluster.local`;
}

/** Stable pod names (the fleet does not change between runs), shaped like `<deployment>-<replicaset hash>-<pod id>`. */
function podName(cluster: ClusterName, service: ServiceName, replica: number): string {
  const replicaSet = fnv1a(`${cluster}/${service}`).toString(36).padStart(7, '0');
  const pod = fnv1a(`${cluster}/${service}/${replica}`).toString(36).padStart(5, '0').slice(-5);
  return `${service}-${replicaSet}-${pod}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];

/** Passes every export result to the caller: BatchSpanProcessor sends failures of its timed exports to the global error handler, where nobody sees them. */
class ObservedExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly onResult: (error: Error | undefined) => void,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      this.onResult(result.code === EXPORT_SUCCESS ? undefined : (result.error ?? new Error('span export failed')));
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

interface FleetOptions {
  readonly tracesUrl: string;
  readonly apiKey: string;
  readonly scheduledDelayMillis: number;
  readonly onExportResult: (error: Error | undefined) => void;
}

/** One tracer provider per service instance, each with its own resource and exporter, as in a real deployment. */
export class Fleet {
  readonly #providers = new Map<string, NodeTracerProvider>();
  readonly #tracers = new Map<string, Tracer>();

  constructor(options: FleetOptions) {
    for (const cluster of CLUSTER_NAMES) {
      for (const service of SERVICE_NAMES) {
        for (let replica = 0; replica < SERVICES[service].replicas; replica++) {
          const provider = createProvider(options, cluster, service, replica);
          const key = instanceKey(cluster, service, replica);
          this.#providers.set(key, provider);
          this.#tracers.set(key, provider.getTracer(INSTRUMENTATION_SCOPE));
        }
      }
    }
  }

  tracer(cluster: ClusterName, service: ServiceName, replica: number): Tracer {
    const tracer = this.#tracers.get(instanceKey(cluster, service, replica));
    if (tracer === undefined) throw new RangeError(`no demo instance ${instanceKey(cluster, service, replica)}`);
    return tracer;
  }

  /** Export failures reach `onExportResult`; the flush itself always settles. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.#providers.values()].map((provider) => provider.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.#providers.values()].map((provider) => provider.shutdown()));
  }
}

function instanceKey(cluster: ClusterName, service: ServiceName, replica: number): string {
  return `${cluster}/${service}/${replica}`;
}

function createProvider(options: FleetOptions, cluster: ClusterName, service: ServiceName, replica: number): NodeTracerProvider {
  const spec = SERVICES[service];
  const pod = podName(cluster, service, replica);
  const exporter = new OTLPTraceExporter({
    url: options.tracesUrl,
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });
  return new NodeTracerProvider({
    // defaultResource() carries telemetry.sdk.*; a resource passed alone would replace it.
    resource: defaultResource().merge(
      resourceFromAttributes({
        'service.name': service,
        'service.namespace': spec.namespace,
        'service.version': spec.version[cluster],
        'service.instance.id': pod,
        'deployment.environment.name': 'production',
        'k8s.cluster.name': cluster,
        'k8s.namespace.name': spec.namespace,
        'k8s.pod.name': pod,
        'host.name': pod,
        'cloud.provider': 'aws',
        'cloud.region': CLUSTERS[cluster].region,
      }),
    ),
    // Explicit, so that OTEL_TRACES_SAMPLER in the gateway's environment cannot thin out the demo.
    sampler: new AlwaysOnSampler(),
    spanProcessors: [
      new BatchSpanProcessor(new ObservedExporter(exporter, options.onExportResult), {
        maxQueueSize: MAX_QUEUE_SIZE,
        scheduledDelayMillis: options.scheduledDelayMillis,
      }),
    ],
  });
}
