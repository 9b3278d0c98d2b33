import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { exchange, type Upgraded } from './engine-http.js';

/**
 * The Docker Engine API over the local unix socket, for the read-only questions a check
 * starts with (the engine, its image store, an image's inspect): one HTTP request each
 * instead of a docker CLI process each, which on a 2-core runner costs 50–150 ms of CPU
 * before the probe's container can start. Only where the CLI would talk to that socket
 * itself: DOCKER_HOST unset or `unix://`, and no docker context chosen (DOCKER_CONTEXT, or
 * `currentContext` in the CLI's config.json). Anything else (tcp, ssh, TLS, a context) goes
 * through the docker CLI, which knows how to reach it. This module imports only Node's own
 * (and engine-http.ts, which imports only node:net): the entry points start these requests
 * before they load the rest of the check.
 */

export interface ApiResponse {
  status: number;
  /** The body as text; empty when `readBody` took it. */
  body: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** After `101`, when the request asked to upgrade: the connection, and what came after the head. */
  upgraded?: Upgraded;
}

/** What a request ended with: an answer, or why there is none (ECONNREFUSED, EACCES, timed out). */
export type ApiResult =
  { ok: true; response: ApiResponse } | { ok: false; code: string; message: string };

export interface ApiRequestOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  method?: 'GET' | 'HEAD' | 'POST' | 'DELETE';
  /** Sent as the JSON body. */
  json?: unknown;
  /**
   * Takes the body as bytes instead of keeping it (the answer's body is then empty);
   * 'enough' ends the request there, e.g. once a stream's first header said all that is needed.
   */
  readBody?: (chunk: Buffer) => 'more' | 'enough';
  /** Ask to upgrade the connection to the raw stream (attach). */
  upgrade?: boolean;
  /** The answer's status as soon as its head is here (a wait's says it is registered). */
  onHead?: (status: number) => void;
}

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

/** One request to the engine at `socket`; never rejects. */
export async function apiRequest(
  socket: string,
  path: string,
  options: ApiRequestOptions,
): Promise<ApiResult> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const result = await exchange(socket, {
    method: options.method ?? 'GET',
    path,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    upgrade: options.upgrade,
    onHead: options.onHead,
    onBody: (chunk, status) => {
      // An error answer is kept whole (it is the engine's message); only a 2xx body is read.
      if (options.readBody && status < 300) return options.readBody(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        return 'enough';
      }
      chunks.push(chunk);
      return 'more';
    },
  });
  if (!result.ok) return result;
  if (tooLarge) {
    return {
      ok: false,
      code: 'E2BIG',
      message: `the engine's answer to ${path} is over ${MAX_BODY_BYTES} bytes`,
    };
  }
  return {
    ok: true,
    response: {
      status: result.status,
      body: Buffer.concat(chunks).toString('utf8'),
      headers: result.headers,
      ...(result.upgraded ? { upgraded: result.upgraded } : {}),
    },
  };
}

/** The engine's message in an answer that is not a success: its JSON `message`, else the body. */
export function engineMessage(response: ApiResponse): string {
  const body = response.body.trim();
  try {
    const { message } = JSON.parse(body) as { message?: unknown };
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the body as it is.
  }
  return body || `HTTP ${response.status}`;
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
