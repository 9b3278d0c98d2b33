#!/usr/bin/env node
// End-to-end check of dist/probe/linux-amd64 on the real Docker engine:
// builds small images FROM scratch (with a static busybox), runs the probe
// exactly as nonroot-guard does, validates every output with the zod schema
// (src/probe/schema.ts) and asserts what each image must show.
//
//   node probe/e2e.mjs            (Node >= 24, Docker, /bin/busybox from busybox-static)
//   BUSYBOX=/path/to/static/busybox node probe/e2e.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeSchema } from '../src/probe/schema.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const probeDir = join(root, 'dist', 'probe');
const busybox = process.env.BUSYBOX ?? '/bin/busybox';
const prefix = 'nonroot-guard-probe-e2e';
const work = mkdtempSync(join(tmpdir(), `${prefix}-`));
const images = [];
let failures = 0;

function docker(args, input) {
  return spawnSync('docker', args, { input, encoding: 'buffer', maxBuffer: 64 << 20 });
}

function build(name, files, dockerfile) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, how] of Object.entries(files)) {
    const target = join(dir, 'ctx', path);
    mkdirSync(dirname(target), { recursive: true });
    if (how.copy) copyFileSync(how.copy, target);
    else if (how.symlink) symlinkSync(how.symlink, target);
    else writeFileSync(target, how.text);
    if (how.mode !== undefined) chmodSync(target, how.mode);
  }
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  const tag = `${prefix}-${name}`;
  const r = docker(['build', '-q', '-t', tag, dir]);
  if (r.status !== 0) throw new Error(`docker build ${name}: ${r.stderr}`);
  images.push(tag);
  return tag;
}

function probe(image, args, { user = '0:0' } = {}) {
  const started = process.hrtime.bigint();
  const r = docker([
    'run',
    '--rm',
    '--network',
    'none',
    '--user',
    user,
    '--security-opt',
    'no-new-privileges',
    '--pids-limit',
    '64',
    '--memory',
    '256m',
    '--memory-swap',
    '256m',
    '--sysctl',
    'net.ipv4.ip_unprivileged_port_start=1024',
    '--mount',
    `type=bind,src=${probeDir},dst=/.nonroot-guard-probe,readonly`,
    '--entrypoint',
    '/.nonroot-guard-probe/linux-amd64',
    image,
    ...args,
    '--skip',
    '/.nonroot-guard-probe',
  ]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`probe on ${image} exited ${r.status}: ${r.stderr}`);
  const out = probeSchema.parse(JSON.parse(r.stdout.toString('utf8')));
  return { out, ms };
}

function check(what, cond, detail) {
  if (cond) {
    console.log(`  ok   ${what}`);
  } else {
    failures++;
    console.log(`  FAIL ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
  }
}

const passwd = 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n';
const group = 'root:x:0:\napp:x:1654:\n';
const ids = { 'etc/passwd': { text: passwd }, 'etc/group': { text: group } };
const bb = {
  'bin/busybox': { copy: busybox, mode: 0o755 },
  'bin/sh': { symlink: 'busybox' },
  'bin/su': { symlink: 'busybox' },
};
const ZERO = '0000000000000000';

try {
  execFileSync('docker', ['version'], { stdio: 'ignore' });

  console.log('(1) only /etc/passwd and /etc/group, --user 1654');
  {
    const img = build('minimal', ids, 'FROM scratch\nCOPY ctx/ /\nUSER 1654\n');
    const { out } = probe(img, [
      '--user',
      '1654',
      '--workdir',
      '',
      '--exec',
      '',
      '--port',
      '8080/tcp',
    ]);
    check(
      'switched to 1654:1654 (app)',
      out.identity.switched &&
        out.identity.uid === 1654 &&
        out.identity.gid === 1654 &&
        out.identity.name === 'app',
      out.identity,
    );
    check(
      'groups are [1654]',
      JSON.stringify(out.identity.groups) === '[1654]',
      out.identity.groups,
    );
    check('no capabilities', out.status.capEff === ZERO && out.status.capPrm === ZERO, out.status);
    check('no tools', out.tools.length === 0, out.tools);
  }

  // busybox image: setuid copy in a 0700 /root, world-writable /app, hostile
  // names, symlink loops. The legacy builder's COPY drops setuid bits, so the
  // modes are set in a RUN.
  const script = [
    'set -e',
    'mkdir -m 0700 /root',
    'cp /bin/busybox /root/suid-busybox',
    'chmod 4755 /root/suid-busybox',
    'mkdir -m 0777 /app',
    'mkdir -m 1777 /tmp',
    'mkdir /hostile',
    'cd /hostile',
    "touch \"$(printf 'new\\nline')\" 'quo\"te' 'back\\slash' \"$(printf 'bad\\377byte')\"",
    'chmod 4755 *',
    'ln -s loop2 loop1',
    'ln -s loop1 loop2',
  ].join('; ');
  const bbImage = build(
    'busybox',
    { ...ids, ...bb },
    `FROM scratch\nCOPY ctx/ /\nRUN ["/bin/busybox", "sh", "-c", ${JSON.stringify(script)}]\nWORKDIR /app\nUSER 1654\n`,
  );
  const bbArgs = [
    '--workdir',
    '/app',
    '--exec',
    '/bin/sh',
    '--port',
    '80/tcp',
    '--port',
    '8080/tcp',
  ];

  console.log('(2)(5)(6)(7) busybox image, --user 1654');
  {
    const { out, ms } = probe(bbImage, ['--user', '1654', ...bbArgs]);
    check('uid 1654, switched', out.identity.switched && out.identity.uid === 1654, out.identity);
    check('capEff all zero', out.status.capEff === ZERO, out.status.capEff);
    check(
      'setuid file under 0700 /root found',
      out.setid.items.some((s) => s.path === '/root/suid-busybox' && (s.mode & 0o4000) !== 0),
      out.setid,
    );
    const port = (n) => out.ports.find((p) => p.port === n);
    check(
      'port 80 not bindable (EACCES)',
      port(80)?.bindable === false && port(80)?.error === 'EACCES',
      out.ports,
    );
    check(
      'port 8080 bindable',
      port(8080)?.bindable === true && port(8080)?.error === null,
      out.ports,
    );
    check('/app in writableDirs', out.writableDirs.items.includes('/app'), out.writableDirs);
    const wd = out.paths.find((p) => p.roles.includes('workdir'));
    check(
      'paths(workdir) /app writable',
      wd?.path === '/app' && wd.writable === true && wd.mode === 0o777,
      wd,
    );
    const names = out.setid.items.map((s) => s.path);
    for (const n of [
      '/hostile/new\nline',
      '/hostile/quo"te',
      '/hostile/back\\slash',
      '/hostile/bad\ufffdbyte',
    ])
      check(`hostile name ${JSON.stringify(n)}`, names.includes(n), names);
    check(
      'sh found once, resolved to busybox',
      out.tools.filter((t) => t.kind === 'shell').length === 1 &&
        out.tools.some((t) => t.name === 'sh' && t.resolved === '/bin/busybox'),
      out.tools,
    );
    check('walk complete', !out.walk.truncated && out.walk.unscanned.count === 0, out.walk);
    console.log(
      `  time: docker run ${ms.toFixed(0)} ms, walk ${out.walk.elapsedMs} ms, ${out.walk.entries} entries`,
    );
  }

  console.log('(3) --user ghost');
  {
    const { out } = probe(bbImage, ['--user', 'ghost', ...bbArgs]);
    check(
      'userError is the engine message',
      out.userError === 'unable to find user ghost: no matching entries in passwd file',
      out.userError,
    );
    check(
      'not switched, no ports, nothing writable',
      !out.identity.switched &&
        out.ports.length === 0 &&
        out.paths.every((p) => !p.writable) &&
        out.writableDirs.count === 0,
    );
    check('walk results still reported', out.setid.count >= 5, out.setid.count);
  }

  console.log('(4) --user ""');
  {
    const { out } = probe(bbImage, ['--user', '', ...bbArgs]);
    check(
      'uid 0, named root',
      out.identity.switched && out.identity.uid === 0 && out.identity.name === 'root',
      out.identity,
    );
    check('capEff non-zero', out.status.capEff !== ZERO, out.status.capEff);
    check(
      'port 80 bindable as root',
      out.ports.find((p) => p.port === 80)?.bindable === true,
      out.ports,
    );
  }

  console.log('(8) WORKDIR /app -> /, symlink loop');
  {
    const files = {
      ...ids,
      ...bb,
      app: { symlink: '/' },
      loopa: { symlink: 'loopb' },
      loopb: { symlink: 'loopa' },
    };
    const img = build('symlinks', files, 'FROM scratch\nCOPY ctx/ /\nWORKDIR /app\nUSER 1654\n');
    const { out } = probe(img, ['--user', '1654', '--workdir', '/app', '--exec', '/loopa/x']);
    const wd = out.paths.find((p) => p.roles.includes('workdir'));
    check(
      'workdir is a symlink, not writable (/ is not)',
      wd?.type === 'symlink' && wd.writable === false,
      wd,
    );
    const ex = out.paths.find((p) => p.roles.includes('exec'));
    check(
      'exec through a loop: missing, ELOOP',
      ex?.type === 'missing' && ex.error === 'ELOOP',
      ex,
    );
    const dir = out.paths.find((p) => p.roles.includes('exec-dir'));
    check('exec-dir is the loop: ELOOP', dir?.type === 'symlink' && dir.error === 'ELOOP', dir);
  }

  console.log('(9) started as non-root');
  {
    const { out } = probe(bbImage, ['--user', '1654', ...bbArgs], { user: '1654:1654' });
    check(
      'not switched, still measured',
      !out.identity.switched && out.identity.uid === 1654 && out.ports.length === 2,
      out.identity,
    );
    check(
      '/root listed as unscanned',
      out.walk.unscanned.items.some((u) => u.path === '/root' && u.reason === 'permission denied'),
      out.walk.unscanned,
    );
  }
} catch (e) {
  failures++;
  console.log(`FAIL ${e instanceof Error ? e.message : e}`);
} finally {
  if (images.length) docker(['rmi', '-f', ...images]);
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `${failures} failure(s)` : 'all passed');
process.exit(failures ? 1 : 0);
