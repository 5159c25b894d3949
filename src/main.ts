import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp, type App, type StoreUpkeep } from './app.js';
import { connectStore, type Store } from './db/client.js';
import { startEmbeddedMongo, type EmbeddedMongo } from './db/embedded.js';
import { SnapshotSchedule } from './db/embedded/snapshot-schedule.js';
import { startDemoCollectors } from './demo/demo-collectors.js';
import { emitDemoTraces, startDemoTraffic } from './demo/demo-traffic.js';
import { createLogger, errorMessage, type Logger } from './logger.js';

/**
 * The key `--demo` bootstraps when MESH_BOOTSTRAP_API_KEY is unset, so that the
 * README's examples work as printed against a local demo. Demo mode only.
 */
export const DEMO_API_KEY = 'mtk_live_demo_local_only_0000000000';
/** Beyond the drain grace (MESH_SHUTDOWN_GRACE_MS): time to close the store and stop an embedded one. */
const SHUTDOWN_MARGIN_MS = 5_000;
/** And to write the embedded store's last snapshot (each periodic snapshot logs how long one takes). */
const SNAPSHOT_MARGIN_MS = 120_000;

async function openStore(config: Config, log: Logger): Promise<{ store: Store; embedded: EmbeddedMongo | null }> {
  if (config.mongodbUri !== undefined) {
    log.info('store: MONGODB_URI');
    return { store: await connectStore(config.mongodbUri, config.mongodbDb), embedded: null };
  }
  const embedded = await startEmbeddedMongo({
    dataDir: config.dataDir,
    ...(config.embeddedMongo ? { force: config.embeddedMongo } : {}),
    ...(config.mongodPath ? { mongodPath: config.mongodPath } : {}),
    memoryMb: config.embedded.heapMb,
    snapshots: config.embedded.snapshotIntervalS > 0,
    log: (msg) => log.info(msg),
    warn: (msg) => log.warn(msg),
  });
  log.info('store: embedded', { backend: embedded.backend, uri: embedded.uri });
  try {
    return { store: await connectStore(embedded.uri, config.mongodbDb), embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** The embedded store's upkeep: capacity always, TTL sweeps where the server does not expire TTL indexes. */
function upkeepOf(config: Config, embedded: EmbeddedMongo | null): StoreUpkeep | undefined {
  if (embedded === null) return undefined;
  return {
    sweepTtl: !embedded.expiresTtlIndexes,
    maxSpans: config.embedded.maxSpans,
    ...(embedded.heap === undefined ? {} : { heap: embedded.heap }),
  };
}

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const config = loadConfig(
    demo && process.env.MESH_BOOTSTRAP_API_KEY === undefined ? { ...process.env, MESH_BOOTSTRAP_API_KEY: DEMO_API_KEY } : process.env,
  );
  const log = createLogger({ level: config.logLevel });
  const { store, embedded } = await openStore(config, log);
  let app: App;
  let port: number;
  try {
    const upkeep = upkeepOf(config, embedded);
    app = buildApp({ config, db: store.db, log, ...(upkeep === undefined ? {} : { upkeep }) });
    ({ port } = await app.start());
  } catch (error) {
    await store.close();
    await embedded?.stop();
    throw error;
  }
  // From the process's start (node's time origin) to listening with the store reachable and indexes in place.
  log.info('gateway ready', { startupMs: Math.round(performance.now()) });
  const baseUrl = `${config.tls === undefined ? 'http' : 'https'}://${config.host}:${port}`;
  let traffic: { stop(): Promise<void> } | null = null;
  let collectors: { stop(): Promise<void> } | null = null;
  if (demo) {
    const apiKey = config.bootstrapApiKey!;
    // The demo key is a published constant (README), not a secret; any other key is never printed.
    log.info('demo mode: emitting demo traces through the OpenTelemetry SDK', {
      baseUrl,
      demoKey: apiKey === DEMO_API_KEY ? DEMO_API_KEY : '(MESH_BOOTSTRAP_API_KEY)',
    });
    const seeded = await emitDemoTraces({ baseUrl, apiKey, traces: 300 });
    log.info('demo data seeded', seeded);
    traffic = startDemoTraffic({ baseUrl, apiKey, log: (msg) => log.debug(msg) });
    collectors = startDemoCollectors({ baseUrl, apiKey, log: (msg) => log.debug(msg) });
  }

  const snapshots =
    embedded?.snapshot === undefined ? null : new SnapshotSchedule(embedded.snapshot, config.embedded.snapshotIntervalS, log);
  snapshots?.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const deadline = setTimeout(
      () => {
        log.error('shutdown deadline exceeded; exiting');
        process.exit(1);
      },
      config.shutdownGraceMs + SHUTDOWN_MARGIN_MS + (snapshots === null ? 0 : SNAPSHOT_MARGIN_MS),
    );
    deadline.unref();
    void (async () => {
      let clean = true;
      // Each step runs whatever the previous one did: the embedded store must not outlive the gateway.
      for (const [step, run] of [
        ['demo traffic', () => traffic?.stop()],
        ['demo collectors', () => collectors?.stop()],
        ['gateway', () => app.stop()],
        // After the drain, so that every acknowledged span is in it.
        ['store snapshot', () => snapshots?.stopWithSnapshot()],
        ['store client', () => store.close()],
        ['embedded store', () => embedded?.stop()],
      ] as const) {
        try {
          await run();
        } catch (error) {
          clean = false;
          log.error('shutdown step failed', { step, error: errorMessage(error) });
        }
      }
      log.info('stopped', { clean });
      process.exit(clean ? 0 : 1);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
