import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../config.js';
import { MethodNotAllowedError, NotFoundError } from '../errors.js';

/** Where the web console is mounted; ui/vite.config.ts builds every asset URL under it. */
export const CONSOLE_PATH = '/ui';

/** `ui/dist`, the Vite build output (`npm run ui:build`), in the package directory so any working directory works. */
export const DEFAULT_CONSOLE_DIST = join(PACKAGE_ROOT, 'ui', 'dist');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);
/** Below this, gzip saves less than the header costs. */
const MIN_GZIP_BYTES = 1024;

/**
 * The console page may load and connect to this gateway only: no inline
 * script or style attribute (Preact sets styles through the CSSOM, which CSP
 * does not restrict), no other origin for anything.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Served {
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
  readonly etag: string;
}

export interface ConsoleHandler {
  /**
   * Serves GET/HEAD of `/` (a redirect to the console) and of everything
   * under CONSOLE_PATH; returns false for any other path, so routing goes on.
   * Needs no API key: the page holds none until the user enters one, and
   * every API call it makes carries that key.
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

/**
 * Static files of the built console with a single-page-app fallback: a path
 * without a file extension that names no file (a client-side route such as
 * /ui/traces/4bf9…) is answered with index.html, so deep links and reloads work.
 * Hashed assets (assets/*) are immutable and cached for a year; index.html is
 * revalidated on every load (`no-cache` + ETag), so a new build is picked up
 * at once.
 */
export function createConsoleHandler(options: { readonly distDir?: string } = {}): ConsoleHandler {
  const root = resolve(options.distDir ?? DEFAULT_CONSOLE_DIST);
  // Keyed by path and ETag, so a rebuilt file is read afresh; the build is a handful of files.
  const cache = new Map<string, Served>();

  async function load(file: string): Promise<Served | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
    const cached = cache.get(file);
    if (cached?.etag === etag) return cached;
    const body = await readFile(file);
    const gzipped = COMPRESSIBLE.has(extname(file)) && body.length >= MIN_GZIP_BYTES ? gzipSync(body, { level: 9 }) : null;
    const served = { body, gzipped, etag };
    cache.set(file, served);
    return served;
  }

  /** The file a URL path names inside the build, or null when it would leave it (.., encoded separators) or names a dotfile. */
  function fileFor(relative: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const segments = decoded.split('/').filter((s) => s !== '');
    if (segments.some((s) => s.startsWith('.'))) return null;
    const file = resolve(root, ...segments);
    return file === root || file.startsWith(root + sep) ? file : null;
  }

  return {
    async handle(req, res, path) {
      const isConsole = path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
      if (path !== '/' && !isConsole) return false;
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        if (path === '/') return false;
        throw new MethodNotAllowedError(`Method ${method} is not allowed on ${path}: the console is static`, ['GET', 'HEAD']);
      }
      if (path === '/' || path === CONSOLE_PATH) {
        res.writeHead(302, { location: `${CONSOLE_PATH}/`, 'content-length': 0 });
        res.end();
        return true;
      }

      const relative = path.slice(CONSOLE_PATH.length + 1);
      const index = resolve(root, 'index.html');
      const named = relative === '' ? index : fileFor(relative);
      if (named === null) throw new NotFoundError(`No console file at ${path}`);
      let file = named;
      let served = await load(named);
      if (served === null && named !== index) {
        // A missing asset is a 404; a missing extension-less path is a client-side route.
        if (extname(named) !== '') throw new NotFoundError(`No console file at ${path}`);
        file = index;
        served = await load(index);
      }
      if (served === null) {
        throw new NotFoundError('The web console is not built: run `npm run ui:build` (npm start and npm test build it when missing)');
      }
      send(req, res, file, served, file !== index && relative.startsWith('assets/'));
      return true;
    },
  };
}

function send(req: IncomingMessage, res: ServerResponse, file: string, served: Served, immutable: boolean): void {
  const ext = extname(file);
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: served.etag,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
  };
  if (ext === '.html') headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  if (etagMatches(req.headers['if-none-match'], served.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = served.gzipped !== null && acceptsGzip(req.headers['accept-encoding']);
  const body = gzip && served.gzipped !== null ? served.gzipped : served.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/** True unless the client refuses gzip (`gzip;q=0`) or does not list it. */
function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
