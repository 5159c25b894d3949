import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sdkSpans } from '../bench/otlp-payloads.js';
import { randomApiKey } from './helpers/gateway.js';
import { freePort } from './helpers/gateway-process.js';
import { grpcExport } from './helpers/otlp-grpc.js';
import { directDb } from './helpers/store-gateway.js';

/**
 * The production image without a container runtime: the Dockerfile's build
 * stage is `npm ci` then scripts/build-image.sh, so this runs that script on
 * a copy of the build context (the checkout without ignored files; the
 * repository's installed dependencies stand for `npm ci`, same lockfile) and
 * starts the resulting /app tree as the image does — plain node, production
 * dependencies only, the image's environment, a non-root user — then runs
 * the image's healthcheck against it.
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
let work: string;
let app: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mesh-image-'));
  const context = join(work, 'context');
  app = join(work, 'app');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(ROOT, f)));
  for (const file of files) {
    mkdirSync(dirname(join(context, file)), { recursive: true });
    cpSync(join(ROOT, file), join(context, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(context, 'node_modules'));
  await run('bash', ['scripts/build-image.sh', app], { cwd: context, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
  // The image's user is not root and owns nothing there: the tree must only need to be readable.
  chmodSync(work, 0o755);
}, 660_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('scripts/build-image.sh (the Dockerfile build stage)', () => {
  it('assembles the compiled server, the console, the healthcheck and production dependencies only', () => {
    for (const file of ['dist/src/main.js', 'dist/scripts/apikey.js', 'ui/dist/index.html', 'scripts/healthcheck.mjs', 'package.json']) {
      expect(existsSync(join(app, file)), file).toBe(true);
    }
    expect(existsSync(join(app, 'src'))).toBe(false);
    for (const devOnly of ['typescript', 'vitest', 'vite', 'prettier'])
      expect(existsSync(join(app, 'node_modules', devOnly)), devOnly).toBe(false);
    for (const runtime of ['@grpc/grpc-js', 'graphql-yoga', 'mongodb'])
      expect(existsSync(join(app, 'node_modules', runtime)), runtime).toBe(true);
  });

  it('starts as the image runs it, serves /readyz, the console and OTLP/gRPC, passes its healthcheck, and stops cleanly', async () => {
    const dbName = `t_${randomBytes(8).toString('hex')}`;
    const key = randomApiKey();
    const [port, grpcPort] = [await freePort(), await freePort()];
    // The Dockerfile's ENV (HOST on loopback here: tests never listen beyond it), plus what compose.yaml sets.
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      MESH_OTLP_GRPC_PORT: String(grpcPort),
      MESH_DATA_DIR: join(work, 'data'),
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      MESH_BOOTSTRAP_API_KEY: key,
    };
    const asImageUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const healthcheck = () =>
      run(process.execPath, ['scripts/healthcheck.mjs'], { cwd: app, env, ...asImageUser }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? -1,
      );
    const gateway = spawn(process.execPath, ['dist/src/main.js'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], ...asImageUser });
    let log = '';
    gateway.stdout.on('data', (d: Buffer) => (log += d.toString()));
    gateway.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => gateway.once('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 60_000;
      while (!log.includes('"msg":"gateway ready"')) {
        if (gateway.exitCode !== null || Date.now() > until) throw new Error(`the image's gateway did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await healthcheck()).toBe(0);
      expect((await fetch(`http://127.0.0.1:${port}/ui/`)).status).toBe(200);
      const spans = sdkSpans(10);
      const exported = await grpcExport(`127.0.0.1:${grpcPort}`, ProtobufTraceSerializer.serializeRequest(spans)!, {
        metadata: { authorization: `Bearer ${key}` },
        gzip: true,
      });
      expect(exported).toMatchObject({ ok: true });
      // The key CLI ships compiled too: `docker compose exec gateway-1 node dist/scripts/apikey.js …`.
      const { stdout } = await run(
        process.execPath,
        ['dist/scripts/apikey.js', 'create', '--org', 'acme', '--env', 'live', '--permissions', 'read', '--json'],
        { cwd: app, env, ...asImageUser },
      );
      expect((JSON.parse(stdout) as { key: string }).key).toMatch(/^mtk_live_/);
    } finally {
      gateway.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(await healthcheck()).toBe(1);
    await (await directDb(inject('mongoUri'), dbName)).close();
  });
});

describe('Dockerfile and compose.yaml', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('builds with scripts/build-image.sh and runs its output as a non-root user with the tested healthcheck', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^RUN npm ci\b/m);
    expect(stages[0]).toMatch(/^RUN bash scripts\/build-image\.sh \/out$/m);
    const runtime = stages[1]!;
    expect(runtime).toMatch(/^COPY --from=build \/out\/ \.\/$/m);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["node", "scripts\/healthcheck\.mjs"\]$/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });

  it('runs two gateway replicas on a MongoDB replica set and Redis', () => {
    type Service = { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; ports?: string[] };
    const compose = parseYaml(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
    const gateways = Object.entries(compose.services).filter(([, s]) => s.build === '.');
    expect(gateways.map(([name]) => name)).toEqual(['gateway-1', 'gateway-2']);
    for (const [, gateway] of gateways) {
      expect(gateway.environment!.MONGODB_URI).toMatch(/^mongodb:\/\/mongo1:27017,mongo2:27017,mongo3:27017\/\?replicaSet=rs0$/);
      expect(gateway.environment!.REDIS_URL).toBe('redis://redis:6379');
    }
    const mongos = Object.values(compose.services).filter((s) => s.command?.includes('--replSet'));
    expect(mongos).toHaveLength(3);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
  });
});
