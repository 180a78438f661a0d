// A tiny line server for the socket word count, for machines without `nc -lk 9999`: it listens on a
// port and sends each client that connects the lines of a text file, a few per second.
//
//   pnpm exec tsx examples/socket-wordcount/line-server.ts [--port 9999] [--rate 2] [--host 127.0.0.1] [--loop] [file]
//
// The file defaults to sample.txt beside this script; try ../shared/data/text/el_quijote.txt with --rate 200.
// --port 0 picks a free port. Stop it with Ctrl-C.
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    port: { type: 'string', default: '9999' },
    host: { type: 'string', default: '127.0.0.1' },
    rate: { type: 'string', default: '2' },
    loop: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const file = positionals[0] ?? join(import.meta.dirname, 'sample.txt');
const port = Number(values.port);
const linesPerSecond = Number(values.rate);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !(linesPerSecond > 0) || positionals.length > 1) {
  process.stderr.write('Usage: line-server.ts [--port 9999] [--rate 2] [--host 127.0.0.1] [--loop] [file]\n');
  process.exit(1);
}

const text = readFileSync(file, 'utf8');
// One entry per line, without a trailing empty one for the file's final newline.
const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
if (text.endsWith('\n')) lines.pop();

/** Sends the lines to one client at the rate, in whole ticks of 100 ms so fast rates stay cheap. */
function serve(socket: Socket): void {
  const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
  process.stderr.write(`Client ${peer} connected: sending ${lines.length} lines at ${linesPerSecond} lines/s\n`);
  const started = Date.now();
  let next = 0;
  let round = 0;
  const timer = setInterval(() => {
    // Lines due by now, so the rate holds however late a tick fires.
    const due = Math.min(lines.length, Math.floor(((Date.now() - started) / 1000) * linesPerSecond) + 1 - round * lines.length);
    if (due > next) {
      socket.write(lines.slice(next, due).map((l) => `${l}\n`).join(''));
      next = due;
    }
    if (next < lines.length) return;
    if (values.loop) {
      round++;
      next = 0;
      return;
    }
    clearInterval(timer);
    process.stderr.write(`Sent all ${lines.length} lines to ${peer}; the connection stays open (Ctrl-C to stop)\n`);
  }, 100);
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(timer);
    process.stderr.write(`Client ${peer} disconnected\n`);
  });
}

const server = createServer(serve);
server.listen(port, values.host, () => {
  const address = server.address();
  const actual = address !== null && typeof address === 'object' ? address.port : port;
  process.stdout.write(`Serving ${file} on ${values.host}:${actual}\n`);
});
