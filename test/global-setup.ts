import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ConfigError } from '../src/config.js';
import { isEmbeddedBackend, startEmbeddedMongo, type EmbeddedBackend } from '../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

// Outlives test runs so that the Maven-resolved classpath is reused and later runs start warm.
// Not .mesh/: the URI file there belongs to the developer's own gateway.
const TEST_DATA_DIR = fileURLToPath(new URL('../node_modules/.cache/mesh-trace-test-mongo/', import.meta.url));

/** One MongoDB for the whole run: TEST_MONGODB_URI when set, else an embedded server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return async () => undefined;
  }

  const mongo = await startEmbeddedMongo({
    dataDir: TEST_DATA_DIR,
    force: testBackend(process.env.MESH_EMBEDDED_MONGO),
    mongodPath: process.env.MONGOD_PATH,
    log: (msg) => console.log(`[test store] ${msg}`),
  });
  project.provide('mongoUri', mongo.uri);
  return () => mongo.stop();
}

function testBackend(requested: string | undefined): EmbeddedBackend {
  if (requested === undefined) return 'java';
  if (!isEmbeddedBackend(requested)) {
    throw new ConfigError(`MESH_EMBEDDED_MONGO must be mongod, java or download; got "${requested}".`);
  }
  return requested;
}
