import { createServer, type Server, type Socket } from 'node:net';

/**
 * A real TCP server on 127.0.0.1 and a free port, standing in for `nc -lk`: tests write to the client that
 * connects. `close` ends the client connection and stops listening.
 */
export interface TestServer {
  readonly port: number;
  /** The connection from the source, once it has connected. */
  client(): Promise<Socket>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const sockets: Socket[] = [];
  let resolveClient: (s: Socket) => void = () => {};
  const firstClient = new Promise<Socket>((resolve) => (resolveClient = resolve));
  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    sockets.push(socket);
    resolveClient(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    client: () => firstClient,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes and waits until the bytes are handed to the OS, so consecutive writes tend to arrive as separate chunks. */
export function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (err) => (err ? reject(err) : setTimeout(resolve, 15))));
}

/** A port nothing listens on: bind one, then release it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}
