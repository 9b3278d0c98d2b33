import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A unix socket in front of the engine's that records each Engine API request as the check
 * sends it: the check opens one connection per request, so the first line of each
 * connection is the request. Each is kept with its start (its first bytes) and its end (the
 * close of its connection; an attach's closes when the container exits), epoch ms. Used by
 * the tests (which requests, in which order) and by bench/bench.mjs (when).
 *
 * Plain TypeScript that Node runs as it is (types only), so the bench can import it too.
 */
export interface TracedRequest {
  /** The request's kind: `POST /containers/nonroot-guard-probe-…/start` → `POST /containers/start`. */
  kind: string;
  startMs: number;
  endMs: number;
}

export async function engineTrace(
  env: NodeJS.ProcessEnv = process.env,
  /** Where the socket goes, when the caller removes it; else a directory of its own. */
  inDir?: string,
): Promise<{
  host: string;
  /** The requests' kinds, in the order they were sent. */
  requests: () => string[];
  /** The requests whose connections have closed, in the order they closed. */
  traced: () => TracedRequest[];
  clear: () => void;
  close: () => Promise<void>;
}> {
  const engine = (env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
  const dir = inDir ?? (await mkdtemp(join(tmpdir(), 'nonroot-guard-engine-trace-')));
  const socket = join(dir, 'engine.sock');
  let sent: string[] = [];
  let done: TracedRequest[] = [];
  const server = createServer((client) => {
    const upstream = connect(engine);
    let request: TracedRequest | null = null;
    client.once('data', (chunk) => {
      const kind = requestKind(chunk.toString('latin1').split('\r\n')[0] ?? '');
      sent.push(kind);
      request = { kind, startMs: Date.now(), endMs: 0 };
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      if (request && !request.endMs) {
        request.endMs = Date.now();
        done.push(request);
      }
      client.destroy();
      upstream.destroy();
    };
    for (const side of [client, upstream]) {
      side.on('close', end);
      side.on('error', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  server.unref();
  return {
    host: `unix://${socket}`,
    requests: () => [...sent],
    traced: () => [...done],
    clear: () => {
      sent = [];
      done = [];
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!inDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function requestKind(line: string): string {
  const [method, target = ''] = line.split(' ');
  // The API's version prefix (/v1.41/…) is the client's business, not the call's.
  const parts = (target.split('?')[0] ?? '')
    .split('/')
    .filter(Boolean)
    .filter((part, index) => !(index === 0 && /^v\d+\.\d+$/.test(part)));
  if (parts[0] === 'containers' && parts.length >= 3) parts.splice(1, 1);
  else if (parts[0] === 'containers' && parts.length === 2 && parts[1] !== 'create')
    parts.splice(1, 1);
  if (parts[0] === 'images' && parts.length >= 3) parts.splice(1, parts.length - 2);
  return `${method} /${parts.join('/')}`;
}
