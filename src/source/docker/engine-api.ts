import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The Docker Engine API over the local unix socket, for the read-only questions a check
 * starts with (the engine, its image store, an image's inspect): one HTTP request each
 * instead of a docker CLI process each, which on a 2-core runner costs 50–150 ms of CPU
 * before the probe's container can start. Only where the CLI would talk to that socket
 * itself: DOCKER_HOST unset or `unix://`, and no docker context chosen (DOCKER_CONTEXT, or
 * `currentContext` in the CLI's config.json). Anything else (tcp, ssh, TLS, a context) goes
 * through the docker CLI, which knows how to reach it. This module imports only Node's own:
 * the entry points start these requests before they load the rest of the check.
 */

export interface ApiResponse {
  status: number;
  body: string;
}

/** What a request ended with: an answer, or why there is none (ECONNREFUSED, EACCES, timed out). */
export type ApiResult =
  { ok: true; response: ApiResponse } | { ok: false; code: string; message: string };

/** The socket the docker CLI would use, when it is a local unix socket; null otherwise. */
export function localEngineSocket(env: NodeJS.ProcessEnv = process.env): string | null {
  const host = env['DOCKER_HOST'];
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
  const context = env['DOCKER_CONTEXT'];
  if (context && context !== 'default') return null;
  if (!context && configuredContext(env) !== null) return null;
  return '/var/run/docker.sock';
}

/** `currentContext` in the CLI's config.json, when one other than the default is set. */
function configuredContext(env: NodeJS.ProcessEnv): string | null {
  const dir = env['DOCKER_CONFIG'] || join(homedir(), '.docker');
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch {
    // No config (or an unreadable one, which the CLI would refuse too): the default context.
    return null;
  }
  const current = (config as { currentContext?: unknown } | null)?.currentContext;
  return typeof current === 'string' && current !== '' && current !== 'default' ? current : null;
}

/** An answer larger than this is not an engine's (inspect of the largest image config is far below). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** GET `path` from the engine at `socket`; never rejects. */
export function apiGet(
  socket: string,
  path: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<ApiResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const call = request(
      {
        socketPath: socket,
        path,
        method: 'GET',
        headers: { Host: 'docker' },
        signal: options.signal,
      },
      (response) => {
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            call.destroy(
              new Error(`the engine's answer to ${path} is over ${MAX_BODY_BYTES} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            ok: true,
            response: {
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            },
          }),
        );
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
        );
      },
    );
    call.setTimeout(options.timeoutMs, () =>
      call.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    call.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
    );
    call.end();
  });
}

/** The engine API paths a check reads first (unversioned: the engine answers in its own version). */
export const API_PATHS = {
  version: '/version',
  info: '/info',
  // The reference as the docker CLI puts it in the path ('/', ':' and '@' as they are).
  // manifests=1 (API 1.48, Docker 28) adds the image's platforms on the containerd store;
  // an older engine ignores the parameter.
  inspect: (ref: string) =>
    `/images/${encodeURIComponent(ref).replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%40/g, '@')}/json?manifests=1`,
};
