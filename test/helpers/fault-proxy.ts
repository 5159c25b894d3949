import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** What the proxy does to the traffic; every probability is per event (connection or chunk). */
export interface Faults {
  /** A new connection is reset at once. */
  readonly dropRate: number;
  /** A chunk, in either direction, ends its connection (both sides destroyed) instead of being forwarded. */
  readonly cutRate: number;
  /** Each chunk is held for a uniform random time in [min, max] ms; order is kept per direction. */
  readonly delayMs: readonly [number, number];
  /** When set, only chunks it accepts are delayed (e.g. the commands that carry a marker). */
  readonly delayOnly?: (chunk: Buffer) => boolean;
}

export const NO_FAULTS: Faults = { dropRate: 0, cutRate: 0, delayMs: [0, 0] };

export interface FaultStats {
  connections: number;
  dropped: number;
  cut: number;
  delayedChunks: number;
}

/**
 * A TCP proxy between the gateway and its MongoDB, written for the tests with
 * node:net, that breaks the connection the ways networks do: resets new
 * connections, cuts established ones mid-stream (also between the store's
 * commit and its reply reaching the gateway), delays chunks, and can cut
 * everything and refuse new connections for an outage.
 */
export class FaultProxy {
  readonly stats: FaultStats = { connections: 0, dropped: 0, cut: 0, delayedChunks: 0 };
  private faults: Faults = NO_FAULTS;
  private down = false;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
    private readonly random: () => number,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a loopback port in front of `targetUri` (mongodb://host:port/…). */
  static async start(targetUri: string, random: () => number = Math.random): Promise<FaultProxy> {
    const { hostname, port } = new URL(targetUri);
    const server = createServer();
    const proxy = new FaultProxy(server, { host: hostname, port: Number(port) }, random);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The store's URI through the proxy. */
  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  setFaults(faults: Faults): void {
    this.faults = faults;
  }

  /** The store "goes away": every connection is cut and new ones are reset until restore(). */
  outage(): void {
    this.down = true;
    for (const socket of this.open) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.stats.connections++;
    if (this.down || this.random() < this.faults.dropRate) {
      this.stats.dropped++;
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    const pair = [client, upstream] as const;
    const cut = () => {
      for (const socket of pair) socket.destroy();
    };
    for (const socket of pair) {
      this.open.add(socket);
      socket.on('error', cut);
      socket.on('close', () => {
        this.open.delete(socket);
        cut();
      });
    }
    this.forward(client, upstream, cut);
    this.forward(upstream, client, cut);
  }

  private forward(from: Socket, to: Socket, cut: () => void): void {
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      if (this.random() < this.faults.cutRate) {
        this.stats.cut++;
        cut();
        return;
      }
      const [min, max] = this.faults.delayMs;
      const delay = this.faults.delayOnly === undefined || this.faults.delayOnly(chunk) ? min + (max - min) * this.random() : 0;
      if (delay <= 0) {
        queue = queue.then(() => void (to.destroyed ? undefined : to.write(chunk)));
        return;
      }
      this.stats.delayedChunks++;
      queue = queue
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, delay)))
        .then(() => void (to.destroyed ? undefined : to.write(chunk)));
    });
  }
}
