import { parseDockerfile } from '../../src/dockerfile/index.js';
import { parseAccounts } from '../../src/image/accounts.js';
import { resolveUser } from '../../src/image/resolve-user.js';
import type { ImageFacts } from '../../src/image/types.js';
import type { Facts } from '../../src/policy/types.js';

export const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'toor:x:0:0:second root:/root:/bin/sh',
  'app:x:1654:1654::/home/app:/bin/sh',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
].join('\n');
export const GROUP = ['root:x:0:', 'daemon:x:1:', 'app:x:1654:', 'nogroup:x:65534:'].join('\n');

export function imageFacts(overrides: Partial<ImageFacts> = {}): ImageFacts {
  return {
    ref: 'example/app:pr-1',
    id: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    repoDigests: [],
    platform: 'linux/amd64',
    user: '',
    workdir: '/app',
    entrypoint: [],
    cmd: ['/app/run'],
    env: {},
    exposedPorts: [],
    volumes: [],
    labels: {},
    ...overrides,
  };
}

/** Facts for the rules, built the way the pipeline builds them, from plain text. */
export function makeFacts(options: {
  user: string;
  env?: Record<string, string>;
  passwd?: string | null;
  group?: string | null;
  dockerfile?: string;
  baseEnv?: Record<string, string>;
}): Facts {
  const accounts = parseAccounts({
    passwd: options.passwd === undefined ? PASSWD : options.passwd,
    group: options.group === undefined ? GROUP : options.group,
    notes: [],
  });
  const image = imageFacts({ user: options.user, env: options.env ?? {} });
  const dockerfile =
    options.dockerfile === undefined
      ? null
      : parseDockerfile(options.dockerfile, { path: 'Dockerfile', baseEnv: options.baseEnv });
  return { image, accounts, user: resolveUser(image.user, accounts), dockerfile };
}
