/** mongodb-memory-server: downloads a mongod on first use (the last resort). */
import { EmbeddedMongoError, type AvailableCandidate, type RunningServer } from './backend.js';

export function probeDownload(): AvailableCandidate {
  return { available: true, detail: 'mongodb-memory-server, downloads mongod on first use', start: startDownloadedMongod };
}

async function startDownloadedMongod(): Promise<RunningServer> {
  // Imported lazily: most gateways never take this path and need not load the downloader.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  let server: InstanceType<typeof MongoMemoryServer>;
  try {
    server = await MongoMemoryServer.create({ instance: { ip: '127.0.0.1' } });
  } catch (error) {
    throw new EmbeddedMongoError('download', `mongodb-memory-server could not download or start mongod: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  return {
    uri: server.getUri(),
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    expiresTtlIndexes: true,
    stop: async () => {
      await server.stop();
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
