// The container healthcheck (Dockerfile HEALTHCHECK): exits 0 when this instance's GET /readyz answers
// 200 within 3 s (listening, store reachable, not draining), 1 otherwise. Reads the gateway's own
// settings: PORT, HOST (a wildcard address is probed on loopback) and MESH_TLS_CERT (then HTTPS, without
// verifying the certificate: it checks this process, not its identity).
import { request as http } from 'node:http';
import { request as https } from 'node:https';

const port = Number(process.env.PORT || 4000);
const configured = process.env.HOST || '127.0.0.1';
const host = configured === '0.0.0.0' ? '127.0.0.1' : configured === '::' ? '::1' : configured;
const tls = Boolean(process.env.MESH_TLS_CERT);

const req = (tls ? https : http)({ host, port, path: '/readyz', method: 'GET', timeout: 3_000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timed out')));
req.on('error', (error) => {
  process.stderr.write(`healthcheck: ${error.message}\n`);
  process.exit(1);
});
req.end();
