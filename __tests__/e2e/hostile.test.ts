import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildImage, FIXTURES } from '../helpers/docker.js';
import { cli } from '../helpers/run.js';

const IMAGE = 'nonroot-guard-e2e/hostile-names:test';
const NAMES = [
  '/usr/local/evil/new\nline',
  '/usr/local/evil/quo"te',
  '/usr/local/evil/back`tick',
  '/usr/local/evil/<!-- hidden -->',
  '/usr/local/evil/@someone',
  '/usr/local/evil/](javascript:alert(1))',
  '/usr/local/evil/bad\ufffdbyte',
];

// File names are chosen by whoever wrote the pull request: every format must keep them inert.
describe.skipIf(!inject('docker'))('hostile file names in every report format', () => {
  beforeAll(async () => {
    await buildImage(join(FIXTURES, 'images/hostile-names'), IMAGE);
  });

  it('JSON carries them exactly (invalid UTF-8 as U+FFFD)', async () => {
    const result = await cli(['check', '--image', IMAGE, '--format', 'json']);
    const paths = JSON.parse(result.stdout).runtime.setid.items.map(
      (item: { path: string }) => item.path,
    );
    expect(paths.sort()).toEqual([...NAMES].sort());
  });

  it('text shows them on one line each, newline escaped, and suggests no command built from them', async () => {
    const result = await cli(['check', '--image', IMAGE, '--preset', 'restricted']);
    expect(result.code).toBe(1);
    const finding = result.stdout.split('\n').find((line) => line.includes('setuid/setgid files'))!;
    expect(finding).toContain('/usr/local/evil/new\\nline');
    expect(result.stdout).not.toContain('new\nline');
    expect(result.stdout).toContain(
      'fix: Remove the bits in the final stage: `RUN find / -xdev -type f -perm /6000 -exec chmod u-s,g-s {} +`',
    );
  });

  it('markdown renders them as text: no comment, link, mention or code span escapes', async () => {
    const result = await cli(['check', '--image', IMAGE, '--format', 'markdown']);
    expect(result.stdout).not.toContain('<!--');
    expect(result.stdout).not.toContain('](javascript');
    expect(result.stdout).not.toMatch(/(^|[^&#\w])@someone/);
    expect(result.stdout).not.toContain('back`tick');
    expect(result.stdout).toContain('&#60;&#33;&#45;&#45; hidden &#45;&#45;&#62;');
  });
});
