import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A unix socket in front of the engine's that records each Engine API request as the check
 * sends it: the check opens one connection per request, so the first line of each
 * connection is the request. Requests are named by kind, without the container's or the
 * image's name: `POST /containers/nonroot-guard-probe-…/start` → `POST /containers/start`.
 */
export async function engineTrace(env: NodeJS.ProcessEnv = process.env): Promise<{
  host: string;
  requests: () => string[];
  close: () => Promise<void>;
}> {
  const engine = (env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-engine-trace-'));
  const socket = join(dir, 'engine.sock');
  const seen: string[] = [];
  const server = createServer((client) => {
    const upstream = connect(engine);
    client.once('data', (chunk) => {
      const line = chunk.toString('latin1').split('\r\n')[0] ?? '';
      seen.push(line);
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const side of [client, upstream]) {
      side.on('close', end);
      side.on('error', end);
    }
  });
  await new Promise<void>((done) => server.listen(socket, done));
  return {
    host: `unix://${socket}`,
    requests: () => seen.map(requestKind),
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(dir, { recursive: true, force: true });
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
