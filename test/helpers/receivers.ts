import { setTimeout as delay } from 'node:timers/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Real notification receivers on loopback for the alerting tests: an HTTP
 * endpoint standing in for a webhook consumer, Slack or PagerDuty, and an
 * SMTP server (smtp-server, from the nodemailer project). They record what
 * arrives; the tests judge it.
 */

async function waitUntil(check: () => boolean, what: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await delay(20);
  }
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status the receiver answered. */
  readonly answered: number;
}

export interface HttpReceiver {
  readonly url: string;
  readonly requests: readonly ReceivedRequest[];
  /** Requests answered 2xx, i.e. notifications the receiver accepted. */
  readonly accepted: readonly ReceivedRequest[];
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * An HTTP receiver that answers the n-th request with `statuses[n]` (the last
 * one repeating): `[500, 500, 202]` fails twice then accepts; `[503]` never
 * accepts. Default: always 200.
 */
export async function startHttpReceiver(path: string, statuses: readonly number[] = [200]): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = statuses[Math.min(requests.length, statuses.length - 1)] ?? 200;
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      });
      res.writeHead(answered, { 'content-type': 'application/json' });
      res.end(answered < 300 ? '{"status":"success"}' : '{"error":"receiver failing on purpose"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accepted = () => requests.filter((r) => r.answered < 300);
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    get accepted() {
      return accepted();
    },
    async waitForAccepted(count, timeoutMs = 15_000) {
      await waitUntil(
        () => accepted().length >= count,
        () => `${count} accepted requests at ${path} (got ${accepted().length})`,
        timeoutMs,
      );
      return accepted().slice(0, count);
    },
    async waitForRequests(count, timeoutMs = 15_000) {
      await waitUntil(
        () => requests.length >= count,
        () => `${count} requests at ${path} (got ${requests.length})`,
        timeoutMs,
      );
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A receiver that reads each request and never answers it: only the sender's time limit ends the attempt. */
export async function startHangingReceiver(path: string): Promise<Pick<HttpReceiver, 'url' | 'requests' | 'waitForRequests' | 'close'>> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: 0,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    async waitForRequests(count, timeoutMs = 15_000) {
      await waitUntil(
        () => requests.length >= count,
        () => `${count} requests at ${path} (got ${requests.length})`,
        timeoutMs,
      );
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
}

export interface SmtpReceiver {
  readonly host: string;
  readonly port: number;
  readonly messages: readonly ReceivedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}

/** A single-part text message as nodemailer writes it: headers, then the body in its transfer encoding. */
export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { headers, subject: headers.get('subject') ?? '', text: text.replace(/\r\n/g, '\n') };
}

/** A real SMTP server on loopback (no TLS, no auth), keeping every message it accepts. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          envelopeFrom: mailFrom === false ? '' : mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    async waitForMessages(count, timeoutMs = 15_000) {
      await waitUntil(
        () => messages.length >= count,
        () => `${count} emails (got ${messages.length})`,
        timeoutMs,
      );
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
