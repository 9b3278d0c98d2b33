import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAccounts } from '../../src/facts/accounts.js';
import {
  describeOutcome,
  execUser,
  OLDER_ENGINES,
  type Engine,
} from '../../src/facts/exec-user.js';
import type { Report } from '../../src/report/types.js';
import { buildImage, docker } from '../helpers/docker.js';
import { cli } from '../helpers/run.js';
import {
  EXEC_TABLES,
  EXTRA_TABLES,
  KUBELET_GROUP,
  KUBELET_PASSWD,
  KUBELET_ROWS,
  type ExecTable,
} from '../runtime-tables/tables.js';

/**
 * Every row of the deciders' tables (tables.ts) as a real image: the report
 * must give the row's result, the probe must agree with the report, and
 * `docker run` on this machine's engine must do what the report's model of
 * that engine says — the same as the report, or what the report's note on
 * older engines says.
 */

const PREFIX = 'nonroot-guard-table';
const work: string[] = [];
const images: string[] = [];

/** An image of the table's account files on busybox (the tests' buildImage copies it in). */
async function buildBase(table: { id: string; passwd: string | null; group: string | null }) {
  const context = await mkdtemp(join(tmpdir(), `${PREFIX}-`));
  work.push(context);
  await mkdir(join(context, 'etc'));
  const lines = ['FROM scratch', 'COPY busybox /bin/busybox'];
  for (const name of ['passwd', 'group'] as const) {
    const text = table[name];
    if (text === null) continue;
    await writeFile(join(context, 'etc', name), text);
    lines.push(`COPY etc/${name} /etc/${name}`);
  }
  await writeFile(join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
  const tag = `${PREFIX}/${table.id}:test`;
  await buildImage(context, tag, { busybox: true });
  images.push(tag);
  return tag;
}

/** The base with Config.User set exactly: `docker commit` keeps a created container's --user. */
async function withUser(base: string, user: string, tag: string): Promise<string> {
  if (user === '') return base;
  const container = (await docker('create', `--user=${user}`, base, '/bin/busybox', 'true')).trim();
  try {
    await docker('commit', container, tag);
  } finally {
    await docker('rm', container);
  }
  images.push(tag);
  const config = JSON.parse(
    await docker('image', 'inspect', '--format', '{{json .Config.User}}', tag),
  );
  expect(config).toBe(user);
  return tag;
}

type Observed = { uid: number; gid: number; groups: number[] } | { failed: string };

/** What the engine really gives the image's user: /proc/self/status, or why it does not start. */
function dockerRun(image: string): Promise<Observed> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['run', '--rm', '--network=none', image, '/bin/busybox', 'cat', '/proc/self/status'],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) return resolve({ failed: stderr });
        const field = (name: string) =>
          (stdout.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1] ?? '')
            .trim()
            .split(/\s+/)
            .filter((word) => word !== '')
            .map(Number);
        resolve({
          uid: field('Uid')[0]!,
          gid: field('Gid')[0]!,
          groups: [...new Set(field('Groups'))].sort((a, b) => a - b),
        });
      },
    );
  });
}

/** This machine's engine, as exec-user.ts models engines. */
async function engineHere(): Promise<Engine> {
  const version = (await docker('version', '--format', '{{.Server.Version}}')).trim();
  // Debian 12's docker.io 20.10 vendors libcontainer/user (= moby/sys/user v0.4.0) and runs runc 1.1.
  if (version.startsWith('20.10.')) return OLDER_ENGINES[1]!.engine;
  // Debian 13's docker.io 26.1 (scripts/second-engine.sh) vendors moby/sys/user v0.1.0, whose
  // GetExecUser is v0.4.0's, and the script runs it with Debian 12's runc 1.1.
  if (version.startsWith('26.1.')) return OLDER_ENGINES[1]!.engine;
  throw new Error(
    `no model of Docker ${version} in this test: add which moby/sys/user and runc it has (src/facts/exec-user.ts)`,
  );
}

/** Runs async work over items, a few at a time (the probe and docker run are mostly waiting). */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe.skipIf(!inject('docker'))('the deciders’ own tables, as images', () => {
  afterAll(async () => {
    for (const tag of images.reverse()) await docker('rmi', tag).catch(() => {});
    for (const dir of work) await rm(dir, { recursive: true, force: true });
  });

  describe.each([...EXEC_TABLES, ...EXTRA_TABLES])('$source', (table: ExecTable) => {
    const results = new Map<string, { report: Report; observed: Observed; image: string }>();
    let engine: Engine;

    beforeAll(async () => {
      engine = await engineHere();
      const base = await buildBase(table);
      const rows = table.rows.map(({ ref }, index) => ({ ref, index }));
      await eachLimited(rows, 4, async ({ ref, index }) => {
        const image = await withUser(base, ref, `${PREFIX}/${table.id}-${index}:test`);
        const [check, observed] = await Promise.all([
          cli(['check', '--image', image, '--format', 'json', '--fail-on', 'never']),
          dockerRun(image),
        ]);
        // 0 or 1 by the verdict (a required probe that cannot become the user blocks); never 2.
        expect([0, 1], check.stderr).toContain(check.code);
        results.set(ref, { report: JSON.parse(check.stdout), observed, image });
      });
    }, 600_000);

    it.each(table.rows)('Config.User $ref', ({ ref, expected }) => {
      const { report, observed } = results.get(ref)!;
      const user = report.user;
      const probe = report.probe;
      // 1. The report gives the row's result (the current engine's).
      if ('error' in expected) {
        expect({ uid: user.uid, startError: user.startError }).toEqual({
          uid: null,
          startError: expected.error,
        });
        // 2. The probe agrees: it could not become the user, for the same reason.
        expect(probe).toMatchObject({ status: 'user-error' });
        expect(probe.status === 'user-error' && probe.reason).toContain(expected.error);
      } else {
        expect({ uid: user.uid, gid: user.gid, groups: user.groups }).toEqual(expected);
        expect(probe.status).toBe('ok');
        const runtime = report.runtime!;
        expect({
          uid: runtime.uid,
          gid: runtime.gid,
          groups: [...new Set(runtime.groups)].sort((a, b) => a - b),
        }).toEqual(expected);
      }
      // 3. docker run here does what the model of this engine says.
      const accounts = parseAccounts({
        passwd: table.passwd,
        group: table.group,
        notes: [],
        unsafe: [],
      });
      const here = execUser(ref, accounts, engine);
      if (here.ok) {
        expect(observed).toEqual({ uid: here.uid, gid: here.gid, groups: here.groups });
      } else {
        expect('failed' in observed && observed.failed).toContain(here.error);
      }
      // 4. Where this engine differs from the current one, the report says what it would do.
      const current = execUser(ref, accounts);
      const notes = report.notes.filter((text) => text.includes('on current engines'));
      if (describeOutcome(here) === describeOutcome(current)) {
        expect(notes.join('\n')).not.toContain(`gives ${describeOutcome(here)};`);
      } else {
        expect(notes.join('\n')).toContain(`gives ${describeOutcome(here)};`);
      }
    });
  });

  describe('the kubelet’s and the CRI runtimes’ rows', () => {
    const results = new Map<string, Report>();

    beforeAll(async () => {
      const base = await buildBase({ id: 'kubelet', passwd: KUBELET_PASSWD, group: KUBELET_GROUP });
      const dir = await mkdtemp(join(tmpdir(), `${PREFIX}-pods-`));
      work.push(dir);
      await eachLimited(KUBELET_ROWS, 4, async (row) => {
        const index = KUBELET_ROWS.indexOf(row);
        const image = await withUser(base, row.user, `${PREFIX}/kubelet-${index}:test`);
        const context = row.securityContext
          ? `\n      securityContext:\n${Object.entries(row.securityContext)
              .map(([key, value]) => `        ${key}: ${value}`)
              .join('\n')}`
          : '';
        const manifest = join(dir, `pod-${index}.yaml`);
        await writeFile(
          manifest,
          `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bar\nspec:\n  containers:\n    - name: foo\n      image: ${image}${context}\n`,
        );
        const check = await cli([
          'check',
          '--image',
          image,
          '--manifests',
          manifest,
          '--format',
          'json',
          '--fail-on',
          'never',
        ]);
        // 0 or 1 by the verdict (a required probe that cannot become the user blocks); never 2.
        expect([0, 1], check.stderr).toContain(check.code);
        results.set(row.desc + row.source, JSON.parse(check.stdout));
      });
    }, 600_000);

    it.each(KUBELET_ROWS)('$source: $desc', (row) => {
      const report = results.get(row.desc + row.source)!;
      const nr060 = report.findings.filter((finding) => finding.rule === 'NR060');
      if (row.error === null) {
        expect(nr060).toEqual([]);
      } else {
        expect(nr060).toHaveLength(1);
        expect(nr060[0]!.message).toContain(`the kubelet refuses to start it ("${row.error}")`);
      }
    });
  });
});
