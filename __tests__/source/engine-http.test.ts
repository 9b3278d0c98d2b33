import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../src/source/docker/engine-http.js';

/**
 * The engine's HTTP client, framing answers as bytes on a real unix socket: what the
 * engines send (Content-Length, chunked, 101 for attach) and what it must refuse. Both real
 * engines answer it in every integration and e2e test.
 */

const dir = mkdtempSync(join(tmpdir(), 'nonroot-guard-engine-http-'));
const path = join(dir, 'engine.sock');
let server: Server;
/** What the server writes back for a request line, in pieces (each written apart). */
const answers = new Map<string, (socket: Socket) => void>();
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      requests.push(head);
      const line = head.split('\r\n')[0]!;
      (
        answers.get(line) ??
        ((s: Socket) => s.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'))
      )(socket);
    });
  });
  await new Promise<void>((done) => server.listen(path, done));
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

function pieces(...parts: string[]) {
  return (socket: Socket) => {
    let index = 0;
    const next = () => {
      if (index === parts.length) return void socket.end();
      socket.write(parts[index++]!);
      setTimeout(next, 5);
    };
    next();
  };
}

async function body(
  method: string,
  target: string,
  extra: Parameters<typeof exchange>[1] = { method, path: target, timeoutMs: 2000 },
) {
  const chunks: Buffer[] = [];
  const result = await exchange(path, {
    ...extra,
    method,
    path: target,
    onBody: (chunk) => (chunks.push(chunk), 'more'),
  });
  return { result, text: Buffer.concat(chunks).toString('utf8') };
}

describe('the engine HTTP client', () => {
  it('sends one request per connection, with its JSON body and length', async () => {
    answers.set(
      'POST /containers/create?name=x HTTP/1.1',
      pieces(
        'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"Id":"1"}',
      ),
    );
    requests.length = 0;
    const { result, text } = await body('POST', '/containers/create?name=x', {
      method: 'POST',
      path: '',
      timeoutMs: 2000,
      body: '{"Image":"é"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(result).toMatchObject({
      ok: true,
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
    expect(text).toBe('{"Id":"1"}');
    // The length counts bytes: é is two.
    expect(Buffer.from(requests[0]!, 'latin1').toString('utf8')).toBe(
      'POST /containers/create?name=x HTTP/1.1\r\nHost: docker\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{"Image":"é"}',
    );
  });

  it('reads a chunked answer in any pieces, extensions and trailers aside', async () => {
    answers.set(
      'GET /chunked HTTP/1.1',
      pieces(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n',
        '5\r\nhel',
        'lo\r\n6;ext=1\r\n world\r',
        '\n0\r\nX-Trailer: 1\r\n\r\n',
      ),
    );
    expect(await body('GET', '/chunked')).toMatchObject({
      result: { ok: true, status: 200 },
      text: 'hello world',
    });
  });

  it('says the status as soon as the head is here, before the body (a wait registered)', async () => {
    let release: () => void = () => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    answers.set('POST /containers/c/wait HTTP/1.1', (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      void later.then(() => socket.end('10\r\n{"StatusCode":0}\r\n0\r\n\r\n'));
    });
    const events: string[] = [];
    const answered = exchange(path, {
      method: 'POST',
      path: '/containers/c/wait',
      timeoutMs: 2000,
      onHead: (status) => {
        events.push(`head ${status}`);
        release();
      },
      onBody: (chunk) => (events.push(`body ${chunk.toString('utf8')}`), 'more'),
    });
    expect(await answered).toMatchObject({ ok: true, status: 200 });
    // The body was only sent once the head had been seen.
    expect(events).toEqual(['head 200', 'body {"StatusCode":0}']);
  });

  it('reads to the close when the answer has neither length nor chunks', async () => {
    answers.set('GET /to-close HTTP/1.1', pieces('HTTP/1.1 200 OK\r\n\r\nall ', 'of it'));
    expect(await body('GET', '/to-close')).toMatchObject({
      result: { ok: true },
      text: 'all of it',
    });
  });

  it('reads no body for HEAD and 204, and stops when the reader has enough', async () => {
    answers.set(
      'HEAD /archive HTTP/1.1',
      pieces('HTTP/1.1 200 OK\r\nContent-Length: 99\r\nX-Docker-Container-Path-Stat: e30=\r\n\r\n'),
    );
    expect(await body('HEAD', '/archive')).toMatchObject({
      result: { ok: true, headers: { 'x-docker-container-path-stat': 'e30=' } },
      text: '',
    });
    answers.set('GET /endless HTTP/1.1', (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      const timer = setInterval(() => socket.write('3\r\nabc\r\n'), 2);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    });
    let seen = 0;
    const result = await exchange(path, {
      method: 'GET',
      path: '/endless',
      timeoutMs: 2000,
      onBody: (chunk) => ((seen += chunk.length) >= 30 ? 'enough' : 'more'),
    });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(seen).toBeGreaterThanOrEqual(30);
  });

  it('hands the connection over after 101, with what came after the head', async () => {
    answers.set('POST /attach HTTP/1.1', (socket) => {
      socket.write('HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nfirst');
      setTimeout(() => socket.end('second'), 20);
    });
    const result = await exchange(path, {
      method: 'POST',
      path: '/attach',
      timeoutMs: 2000,
      upgrade: true,
    });
    if (!result.ok || !result.upgraded) throw new Error('not upgraded');
    expect(requests.at(-1)).toContain('Connection: Upgrade\r\nUpgrade: tcp\r\n');
    const rest: Buffer[] = [];
    result.upgraded.socket.on('data', (chunk: Buffer) => rest.push(chunk));
    result.upgraded.socket.resume();
    await new Promise((done) => result.upgraded!.socket.on('close', done));
    expect(result.upgraded.head.toString()).toBe('first');
    expect(Buffer.concat(rest).toString()).toBe('second');
  });

  it.each([
    ['a cut-off answer', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort', 'ECUTOFF'],
    ['not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n', 'EPROTO'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'EPROTO'],
    [
      'a chunk without its CRLF',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY',
      'EPROTO',
    ],
    ['another transfer encoding', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n', 'EPROTO'],
    ['a bad length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'EPROTO'],
  ])('refuses %s', async (_, answer, code) => {
    answers.set('GET /bad HTTP/1.1', pieces(answer));
    expect(await body('GET', '/bad')).toMatchObject({ result: { ok: false, code } });
  });

  it('names a socket that is not there, a silent engine, and an abort', async () => {
    expect(
      await exchange(join(dir, 'none.sock'), { method: 'GET', path: '/', timeoutMs: 500 }),
    ).toMatchObject({ ok: false, code: 'ENOENT' });
    answers.set('GET /silent HTTP/1.1', () => {});
    expect(await exchange(path, { method: 'GET', path: '/silent', timeoutMs: 100 })).toMatchObject({
      ok: false,
      code: 'ETIMEDOUT',
    });
    const abort = new AbortController();
    const pending = exchange(path, {
      method: 'GET',
      path: '/silent',
      timeoutMs: 5000,
      signal: abort.signal,
    });
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, code: 'ABORT_ERR' });
  });
});
