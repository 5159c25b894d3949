import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `<dataDir>/mongodb.uri` holds the URI of the embedded MongoDB of the gateway running on that
 * data directory, so that the CLIs (seed, apikey, bench) reach the same store without MONGODB_URI.
 * The file contains the URI and a trailing newline, nothing else.
 */
export function mongoUriFilePath(dataDir: string): string {
  return join(dataDir, 'mongodb.uri');
}

export class StoreUriUnavailableError extends Error {
  override readonly name = 'StoreUriUnavailableError';

  constructor(
    readonly uriFile: string,
    options?: ErrorOptions,
  ) {
    super(
      `No MongoDB URI: MONGODB_URI is not set and ${uriFile} does not name a running store. ` +
        'Start the gateway (npm start) on the same MESH_DATA_DIR, or set MONGODB_URI.',
      options,
    );
  }
}

/** MONGODB_URI when given, else the URI published by a gateway running on `dataDir`. */
export async function resolveStoreUri(source: { mongodbUri?: string | undefined; dataDir: string }): Promise<string> {
  const explicit = source.mongodbUri?.trim();
  if (explicit) return explicit;

  const uriFile = mongoUriFilePath(source.dataDir);
  let published: string;
  try {
    published = (await readFile(uriFile, 'utf8')).trim();
  } catch (error) {
    throw new StoreUriUnavailableError(uriFile, { cause: error });
  }
  if (!published) throw new StoreUriUnavailableError(uriFile);
  return published;
}

export async function publishStoreUri(dataDir: string, uri: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(mongoUriFilePath(dataDir), `${uri}\n`, 'utf8');
}

/**
 * Removes the URI file only while it still names `uri`: another gateway started later on the same
 * data directory may have replaced it, and its URI must survive our shutdown.
 */
export async function withdrawStoreUri(dataDir: string, uri: string): Promise<void> {
  const uriFile = mongoUriFilePath(dataDir);
  let published: string;
  try {
    published = (await readFile(uriFile, 'utf8')).trim();
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  if (published === uri) await rm(uriFile, { force: true });
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
