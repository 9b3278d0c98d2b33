import { connect, type Socket } from 'node:net';

/**
 * HTTP/1.1 to the Docker engine's unix socket, on node:net: one request per connection
 * (`Connection: close`), its answer read as the engine frames it (Content-Length, chunked,
 * or to the close), or the connection handed over after `101 UPGRADED` (attach).
 *
 * Why not node:http: loading it costs 55 ms on a 2-core runner (113 internal modules: TLS,
 * crypto, perf hooks, …), a tenth of a whole check, before the first question can go to the
 * engine; node:net is already loaded for the socket. This client speaks only to the engine
 * the CLI would speak to, and is strict: an answer it cannot frame is an error, not a guess.
 * It is held to both real engines by every integration and e2e test, and to Node's own HTTP
 * server by the unit tests.
 */

/** A connection the engine upgraded (101), and the bytes that came after the answer's head. */
export interface Upgraded {
  socket: Socket;
  head: Buffer;
}

export type ExchangeResult =
  | {
      ok: true;
      status: number;
      /** Header names in lower case. */
      headers: Record<string, string>;
      /** After `101`, when the request asked to upgrade: the connection, and what came after the head. */
      upgraded?: Upgraded;
    }
  | { ok: false; code: string; message: string };

export interface ExchangeOptions {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Without any byte from the engine for this long, the exchange ends (ETIMEDOUT). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The answer's status, as soon as its head is read (before any of the body). */
  onHead?: (status: number) => void;
  /** Each piece of the body as it comes; 'enough' ends the exchange there. */
  onBody?: (chunk: Buffer, status: number) => 'more' | 'enough';
  /** Ask to upgrade the connection (Connection: Upgrade, Upgrade: tcp). */
  upgrade?: boolean;
}

/** A head larger than this is not an engine's. */
const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size line is a few hex digits and, at most, an extension. */
const MAX_CHUNK_LINE_BYTES = 1024;

class FramingError extends Error {
  readonly code = 'EPROTO';
}

/** One request and its answer; never rejects. */
export function exchange(socketPath: string, options: ExchangeOptions): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let settled = false;
    let status = 0;
    let headers: Record<string, string> = {};
    const settle = (result: ExchangeResult, keepSocket = false) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (!keepSocket) socket.destroy();
      resolve(result);
    };
    const fail = (code: string, message: string) => settle({ ok: false, code, message });
    const done = () => settle({ ok: true, status, headers });
    const onAbort = () => fail('ABORT_ERR', 'the request was aborted');
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);

    socket.setTimeout(options.timeoutMs, () => fail('ETIMEDOUT', 'timed out'));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code ?? 'ERROR', error.message),
    );
    socket.on('connect', () => {
      const lines = [
        `${options.method} ${options.path} HTTP/1.1`,
        'Host: docker',
        options.upgrade ? 'Connection: Upgrade' : 'Connection: close',
        ...(options.upgrade ? ['Upgrade: tcp'] : []),
        ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
        ...(options.body === undefined
          ? []
          : [`Content-Length: ${Buffer.byteLength(options.body)}`]),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n${options.body ?? ''}`);
    });

    // The body's framing, once the head is read.
    let pending: Buffer = Buffer.alloc(0);
    let state: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'to-close' = 'head';
    let remaining = 0;

    const deliver = (piece: Buffer): boolean => {
      if (piece.length === 0) return true;
      if (options.onBody?.(piece, status) === 'enough') {
        done();
        return false;
      }
      return true;
    };

    const readHead = (): boolean => {
      const end = pending.indexOf('\r\n\r\n');
      if (end === -1) {
        if (pending.length > MAX_HEAD_BYTES) throw new FramingError('an answer head over 64 KiB');
        return false;
      }
      const [statusLine = '', ...fields] = pending
        .subarray(0, end)
        .toString('latin1')
        .split('\r\n');
      const match = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
      if (!match) throw new FramingError(`not an HTTP answer: ${statusLine.slice(0, 80)}`);
      status = Number(match[1]);
      headers = {};
      for (const field of fields) {
        const colon = field.indexOf(':');
        if (colon <= 0) throw new FramingError(`a malformed header: ${field.slice(0, 80)}`);
        headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
      }
      pending = pending.subarray(end + 4);
      options.onHead?.(status);
      if (status === 101 && options.upgrade) {
        // Handed over paused: the new owner resumes it once it listens.
        socket.pause();
        socket.removeAllListeners('data');
        socket.removeAllListeners('end');
        socket.setTimeout(0);
        settle({ ok: true, status, headers, upgraded: { socket, head: pending } }, true);
        return false;
      }
      if (options.method === 'HEAD' || status === 204 || status === 304 || status < 200) {
        done();
        return false;
      }
      const encoding = headers['transfer-encoding'];
      if (encoding !== undefined) {
        if (encoding.toLowerCase() !== 'chunked') {
          throw new FramingError(`a transfer encoding this client does not read: ${encoding}`);
        }
        state = 'chunk-size';
      } else if (headers['content-length'] !== undefined) {
        if (!/^\d+$/.test(headers['content-length'])) {
          throw new FramingError(`a malformed Content-Length: ${headers['content-length']}`);
        }
        remaining = Number(headers['content-length']);
        state = 'length';
        if (remaining === 0) {
          done();
          return false;
        }
      } else {
        state = 'to-close';
      }
      return true;
    };

    /** Consumes what `pending` holds; false once the exchange is over or needs more bytes. */
    const step = (): boolean => {
      switch (state) {
        case 'head':
          return readHead();
        case 'length':
        case 'chunk-data': {
          const piece = pending.subarray(0, remaining);
          pending = pending.subarray(piece.length);
          remaining -= piece.length;
          if (!deliver(piece)) return false;
          if (remaining > 0) return false;
          if (state === 'length') {
            done();
            return false;
          }
          state = 'chunk-end';
          return true;
        }
        case 'chunk-end': {
          if (pending.length < 2) return false;
          if (pending[0] !== 0x0d || pending[1] !== 0x0a) {
            throw new FramingError('a chunk not ended by CRLF');
          }
          pending = pending.subarray(2);
          state = 'chunk-size';
          return true;
        }
        case 'chunk-size': {
          const end = pending.indexOf('\r\n');
          if (end === -1) {
            if (pending.length > MAX_CHUNK_LINE_BYTES)
              throw new FramingError('a chunk-size line over 1 KiB');
            return false;
          }
          const line = pending.subarray(0, end).toString('latin1');
          const size = /^([0-9a-fA-F]{1,12})(?:;.*)?$/.exec(line);
          if (!size) throw new FramingError(`a malformed chunk size: ${line.slice(0, 40)}`);
          pending = pending.subarray(end + 2);
          remaining = Number.parseInt(size[1]!, 16);
          if (remaining === 0) {
            // The last chunk: trailers, if any, are not needed (the connection closes).
            done();
            return false;
          }
          state = 'chunk-data';
          return true;
        }
        case 'to-close': {
          const piece = pending;
          pending = Buffer.alloc(0);
          deliver(piece);
          return false;
        }
      }
    };

    socket.on('data', (chunk: Buffer) => {
      if (settled) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        while (!settled && step());
      } catch (error) {
        fail('EPROTO', `the engine's answer could not be read: ${(error as Error).message}`);
      }
    });
    socket.on('end', () => {
      if (state === 'to-close') done();
      else fail('ECUTOFF', "the engine's answer was cut off");
    });
  });
}
