import { createServer } from 'node:http';

/**
 * A scripted HTTP server on a loopback port: a test queues the answers the
 * client should get and reads back the requests it made. `{ drop: true }`
 * closes the connection without answering (a network failure to the client).
 */
export async function scriptedServer() {
  const answers = [];
  const requests = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url, 'http://localhost');
      requests.push({
        method: req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: raw === '' ? null : JSON.parse(raw),
      });
      const answer = answers.shift() ?? {
        status: 500,
        body: { error: { code: 'unscripted', message: 'no answer queued', param: null, request_id: 'req_0' } },
      };
      if (answer.drop) {
        req.socket.destroy();
        return;
      }
      const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(payload);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1`,
    requests,
    queue: (...queued) => answers.push(...queued),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export const errorBody = (code, message, param = null, requestId = 'req_unit') => ({
  error: { code, message, param, request_id: requestId },
});

export const summary = (traceId) => ({
  trace_id: traceId,
  root_service: 'api-gateway',
  root_operation: 'POST /api/orders',
  duration_ms: 142,
  span_count: 23,
  status: 'ok',
  started_at: '2026-03-15T08:22:41.003Z',
  services: ['api-gateway', 'order-svc'],
});
