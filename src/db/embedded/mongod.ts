/** A mongod binary: MONGOD_PATH, or the first on PATH; data in `<dataDir>/db`. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import { EmbeddedMongoError, type Candidate, type EmbeddedOptions, type RunningServer } from './backend.js';
import { findExecutable, freeLoopbackPort } from './files.js';
import { SupervisedProcess } from './supervised-process.js';

const MONGOD_START_TIMEOUT_MS = 60_000;
// mongod flushes its journal and data files on SIGTERM; give it time before SIGKILL.
const MONGOD_STOP_DEADLINE_MS = 15_000;

export async function probeMongod(options: EmbeddedOptions): Promise<Candidate> {
  if (options.mongodPath !== undefined) {
    const mongod = await findExecutable(options.mongodPath);
    if (mongod === undefined) {
      // An operator who names a binary means it: fail instead of quietly using another backend.
      throw new EmbeddedMongoError('mongod', `MONGOD_PATH ${options.mongodPath} is not an executable file.`);
    }
    return { available: true, detail: mongod, start: () => startMongod(mongod, options) };
  }
  const mongod = await findExecutable('mongod');
  if (mongod === undefined) return { available: false, reason: 'no mongod on PATH and MONGOD_PATH is not set' };
  return { available: true, detail: mongod, start: () => startMongod(mongod, options) };
}

/**
 * Runs beside mongod and stops it when its stdin pipe closes. mongod does not watch its stdin, so
 * without this a SIGKILLed gateway would leave mongod running and holding the lock on the dbpath.
 */
const MONGOD_WATCHDOG_SOURCE = `
const pid = Number(process.argv[1]);
const stopMongod = () => { try { process.kill(pid, 'SIGTERM'); } catch {} process.exit(0); };
process.stdin.on('end', stopMongod).on('error', stopMongod).resume();
`;

async function startMongod(mongod: string, options: EmbeddedOptions): Promise<RunningServer> {
  const dbPath = join(options.dataDir, 'db');
  await mkdir(dbPath, { recursive: true });
  const port = await freeLoopbackPort();
  const uri = `mongodb://127.0.0.1:${port}/`;

  const server = SupervisedProcess.spawn(mongod, ['--bind_ip', '127.0.0.1', '--port', String(port), '--dbpath', dbPath], {
    exitSignal: 'SIGTERM',
    onUnexpectedExit: (description) => options.log(`embedded MongoDB: mongod ${description}`),
  });
  const watchdog = SupervisedProcess.spawn(process.execPath, ['-e', MONGOD_WATCHDOG_SOURCE, String(server.pid)], {
    exitSignal: 'SIGKILL',
  });
  // Once mongod is gone its pid may be reused; the watchdog must not outlive it.
  void server.exited.then(() => watchdog.kill());

  const ready = new AbortController();
  try {
    await server.awaitStartup(untilMongodAnswers(uri, ready.signal), MONGOD_START_TIMEOUT_MS, `mongod ${mongod}`, 'mongod');
  } catch (error) {
    await watchdog.kill();
    throw error;
  } finally {
    ready.abort();
  }

  return {
    uri,
    pid: server.pid,
    expiresTtlIndexes: true,
    stop: async () => {
      await watchdog.kill();
      await server.terminate(() => server.signal('SIGTERM'), MONGOD_STOP_DEADLINE_MS);
    },
  };
}

async function untilMongodAnswers(uri: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const client = new MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      // Not listening yet; awaitStartup() bounds the wait and notices if mongod exits.
    } finally {
      await client.close();
    }
    await delay(200);
  }
}
