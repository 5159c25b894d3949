import { once } from 'node:events';
import { constants as fsConstants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, isAbsolute, join } from 'node:path';
import { EmbeddedMongoError } from './backend.js';

/** `name` if it is a path, else the first match on PATH; undefined unless an executable file. */
export async function findExecutable(name: string): Promise<string | undefined> {
  const candidates =
    isAbsolute(name) || name.includes('/')
      ? [name]
      : (process.env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, name));
  for (const candidate of candidates) {
    const info = await statIfExists(candidate);
    if (info?.isFile() && (await isAccessible(candidate, fsConstants.X_OK))) return candidate;
  }
  return undefined;
}

export async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

export function isReadable(path: string): Promise<boolean> {
  return isAccessible(path, fsConstants.R_OK);
}

async function isAccessible(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new EmbeddedMongoError('mongod', 'Could not reserve a loopback port for mongod.');
  }
  return address.port;
}
