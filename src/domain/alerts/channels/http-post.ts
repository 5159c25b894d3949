import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { OutboundRefusedError, type OutboundPolicy } from '../outbound.js';
import { DeliveryError } from './channel-sender.js';

/** Bytes of a failed response kept for the attempt's error message. */
const ERROR_BODY_BYTES = 512;
const USER_AGENT = 'mesh-trace-gateway-alerts/1';

export interface JsonPost {
  readonly url: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers worth retrying: the receiver is overloaded, rate limiting or failing, not refusing this request. */
function retriableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

async function readSome(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    const buf = chunk as Buffer;
    if (size < ERROR_BODY_BYTES) chunks.push(buf);
    size += buf.length;
  }
  return Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
}

/**
 * POSTs JSON to a receiver through the SSRF guard: the host is resolved and
 * checked, then the connection goes to that checked address (TLS still
 * verifies the certificate against the host name). Redirects are not
 * followed: a 3xx is a failed attempt, so a receiver cannot bounce a
 * notification to an address the guard would refuse. The whole exchange is
 * bounded by `timeoutMs`.
 */
export async function postJson(policy: OutboundPolicy, post: JsonPost, timeoutMs: number): Promise<void> {
  let url: URL;
  try {
    url = new URL(post.url);
  } catch {
    throw new DeliveryError('the configured URL is not valid', false);
  }
  let resolved;
  try {
    resolved = await policy.resolveUrl(url);
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw new DeliveryError(`refused: ${error.message}`, error.transient);
    throw error;
  }
  const body = Buffer.from(post.body, 'utf8');
  const https = url.protocol === 'https:';
  const options = {
    host: resolved.address,
    family: resolved.family,
    port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    headers: {
      ...post.headers,
      host: url.host,
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': USER_AGENT,
    },
    agent: false as const,
    signal: AbortSignal.timeout(timeoutMs),
    ...(https && isIP(resolved.host) === 0 ? { servername: resolved.host } : {}),
  };
  const status = await new Promise<{ code: number; text: string }>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(options, (res) => {
      const code = res.statusCode ?? 0;
      if (code >= 200 && code < 300) {
        res.resume();
        res.on('end', () => resolve({ code, text: '' }));
        res.on('error', reject);
        return;
      }
      readSome(res).then((text) => resolve({ code, text }), reject);
    });
    req.on('error', reject);
    req.end(body);
  }).catch((error: unknown) => {
    const reason =
      error instanceof Error && error.name === 'AbortError'
        ? `no response within ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new DeliveryError(`request failed: ${reason}`, true);
  });
  if (status.code >= 200 && status.code < 300) return;
  throw new DeliveryError(
    `receiver answered HTTP ${status.code}${status.text === '' ? '' : `: ${status.text.slice(0, 200)}`}`,
    retriableStatus(status.code),
  );
}
