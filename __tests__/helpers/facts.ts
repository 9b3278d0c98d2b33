import { parseDockerfile } from '../../src/dockerfile/index.js';
import { parseAccounts } from '../../src/facts/accounts.js';
import { resolveUser } from '../../src/facts/resolve-user.js';
import type { ImageFacts } from '../../src/facts/image.js';
import { declaredPorts } from '../../src/facts/ports.js';
import type { Facts } from '../../src/facts/types.js';
import type { KubernetesFacts } from '../../src/kubernetes/types.js';
import type { ProbeOutput } from '../../src/probe/schema.js';

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
  runtime?: ProbeOutput;
  exposedPorts?: string[];
  volumes?: string[];
  kubernetes?: KubernetesFacts;
}): Facts {
  const accounts = parseAccounts({
    passwd: options.passwd === undefined ? PASSWD : options.passwd,
    group: options.group === undefined ? GROUP : options.group,
    notes: [],
    unsafe: [],
  });
  const image = imageFacts({
    user: options.user,
    env: options.env ?? {},
    exposedPorts: options.exposedPorts ?? [],
    volumes: options.volumes ?? [],
  });
  const dockerfile =
    options.dockerfile === undefined
      ? null
      : parseDockerfile(options.dockerfile, { path: 'Dockerfile', baseEnv: options.baseEnv });
  return {
    image,
    accounts,
    user: resolveUser(image.user, accounts),
    dockerfile,
    ports: declaredPorts(image),
    runtime: options.runtime ?? null,
    probe: options.runtime
      ? { status: 'ok', elapsedMs: 1 }
      : { status: 'failed', reason: 'no probe in this unit test' },
    kubernetes: options.kubernetes ?? null,
  };
}

type CheckedPath = ProbeOutput['paths'][number];

/** A probe document for uid 1654 where nothing is wrong; tests override what they need. */
export function probeOutput(overrides: Partial<ProbeOutput> = {}): ProbeOutput {
  const path = (
    path: string,
    roles: CheckedPath['roles'],
    extra: Partial<CheckedPath> = {},
  ): CheckedPath => ({
    path,
    roles,
    type: 'dir',
    mode: 0o755,
    uid: 0,
    gid: 0,
    writable: false,
    error: null,
    ...extra,
  });
  return {
    probe: { version: 1, arch: 'x86_64' },
    userError: null,
    identity: {
      switched: true,
      uid: 1654,
      gid: 1654,
      groups: [],
      name: 'app',
      home: '/home/app',
      passwd: 'ok',
      group: 'ok',
      passwdResolved: '/etc/passwd',
      groupResolved: '/etc/group',
    },
    status: {
      capEff: '0000000000000000',
      capPrm: '0000000000000000',
      capBnd: '00000000a80425fb',
      capAmb: '0000000000000000',
      noNewPrivs: 1,
      seccomp: 2,
    },
    paths: [
      path('/', ['root']),
      path('/bin', ['bin']),
      path('/etc', ['etc']),
      path('/tmp', ['tmp'], { mode: 0o1777, writable: true }),
      path('/home/app', ['home'], { uid: 1654, gid: 1654, writable: true }),
      path('/app', ['workdir', 'exec-dir']),
      path('/app/run', ['exec'], { type: 'file' }),
    ],
    writableDirs: { items: ['/home/app', '/tmp', '/var/tmp'], count: 3, truncated: false },
    setid: { items: [], count: 0, truncated: false },
    fileCaps: { items: [], count: 0, truncated: false },
    tools: [],
    ports: [],
    walk: {
      entries: 100,
      directories: 20,
      elapsedMs: 3,
      truncated: false,
      unscanned: { items: [], count: 0, truncated: false },
    },
    ...overrides,
  };
}
