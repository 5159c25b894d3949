import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A plain TCP relay on 127.0.0.1 that opens its side of every connection to
 * `target` from `localAddress` (another loopback address), byte for byte:
 * the way to give a client that cannot bind its own source address (grpc-js)
 * a distinct peer address at the gateway.
 */
export class SourceRelay {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(target: { host: string; port: number }, localAddress: string) {
    this.server = createServer((client) => {
      const upstream = connect({ host: target.host, port: target.port, localAddress });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  static async start(target: string, localAddress: string): Promise<SourceRelay> {
    const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
    const relay = new SourceRelay({ host, port }, localAddress);
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  get target(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
