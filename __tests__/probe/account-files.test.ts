import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Docker } from '../../src/image/docker.js';
import type { AccountFiles } from '../../src/image/types.js';
import { parseProbeOutput, probedAccountFiles, runProbe } from '../../src/probe/run.js';
import type { ProbeOutput } from '../../src/probe/schema.js';
import { buildImage } from '../helpers/docker.js';
import { probeOutput } from '../helpers/facts.js';

/**
 * The probe prints /etc/passwd and /etc/group as it read them (--account-files),
 * so a check needs no second container (docker create + cp) to read them; docker
 * cp reads them only when the probe cannot vouch for a file.
 */

type Status = ProbeOutput['identity']['passwd'];
const withStatus = (passwd: Status, group: Status) => {
  const output = probeOutput();
  return { ...output, identity: { ...output.identity, passwd, group } };
};

describe('the account files the probe read', () => {
  it('stand in for docker cp when both were read or are missing', () => {
    expect(
      probedAccountFiles(withStatus('ok', 'ok'), { passwd: 'root:x:0:0::/:\n', group: '' }),
    ).toEqual({ passwd: 'root:x:0:0::/:\n', group: '', notes: [] });
    expect(
      probedAccountFiles(withStatus('missing', 'ok'), { passwd: null, group: 'g:x:1:\n' }),
    ).toEqual({
      passwd: null,
      group: 'g:x:1:\n',
      notes: ['/etc/passwd does not exist in the image'],
    });
  });

  it.each([
    ['unreadable', 'ok'],
    ['ok', 'not-regular'],
    ['too-large', 'ok'],
  ] as const)('leave it to docker cp to say why when a file is %s / %s', (passwd, group) => {
    expect(probedAccountFiles(withStatus(passwd, group), { passwd: null, group: null })).toBe(null);
  });

  it('leave it to docker cp when a file was over what the probe prints, or not asked for', () => {
    expect(probedAccountFiles(withStatus('ok', 'ok'), { passwd: null, group: '' })).toBe(null);
    expect(probedAccountFiles(withStatus('ok', 'ok'), null)).toBe(null);
  });

  it('are checked like the rest of the document, and kept out of the facts', () => {
    const document = { ...probeOutput(), accountFiles: { passwd: 'a', group: null } };
    expect(parseProbeOutput(JSON.stringify(document))).toEqual(probeOutput());
    const broken = { ...probeOutput(), accountFiles: { passwd: 5, group: null } };
    expect(() => parseProbeOutput(JSON.stringify(broken))).toThrow(/^accountFiles\.passwd: /);
    const extra = { ...probeOutput(), accountFiles: { passwd: '', group: '', shadow: '' } };
    expect(() => parseProbeOutput(JSON.stringify(extra))).toThrow(/^accountFiles: /);
  });
});

describe.skipIf(!inject('docker'))('the account files on a real engine', () => {
  const driver = new Docker();
  const sorted = (files: AccountFiles) => ({ ...files, notes: [...files.notes].sort() });

  async function image(name: string, files: Record<string, string>): Promise<string> {
    const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-accounts-'));
    for (const [path, text] of Object.entries(files)) await writeFile(join(context, path), text);
    const tag = `nonroot-guard-probe-test/accounts-${name}:test`;
    await buildImage(context, tag);
    const facts = await driver.inspect(tag);
    if (!facts) throw new Error(`${tag} is missing`);
    return facts.id;
  }

  it.each([
    [
      'both',
      {
        Dockerfile: 'FROM scratch\nCOPY passwd group /etc/\nUSER app\n',
        passwd: 'root:x:0:0:root:/root:/bin/sh\n\napp:x:1654:1654::/home/app:\u00e9\r\n',
        group: 'root:x:0:\napp:x:1654:app',
      },
    ],
    ['no group', { Dockerfile: 'FROM scratch\nCOPY passwd /etc/\n', passwd: 'root:x:0:0::/:\n' }],
    ['none', { Dockerfile: 'FROM scratch\nCOPY app /app\n', app: 'not a program' }],
  ])('are what docker cp reads (%s)', async (name, files) => {
    const id = await image(name.replace(' ', '-'), files);
    const facts = await driver.inspect(id);
    const probed = await runProbe(driver, facts!, [], 'amd64');
    if (!probed.ok) throw new Error(probed.reason);
    expect(probed.accountFiles).not.toBe(null);
    expect(sorted(probed.accountFiles!)).toEqual(sorted(await driver.readAccountFiles(id)));
  });

  it('are left to docker cp when /etc/passwd is over 256 KiB', async () => {
    const line = `${'u'.repeat(60)}:x:1000:1000::/home/u:/bin/sh\n`;
    const id = await image('large', {
      Dockerfile: 'FROM scratch\nCOPY passwd /etc/\n',
      passwd: line.repeat(Math.ceil((257 * 1024) / line.length)),
    });
    const probed = await runProbe(driver, (await driver.inspect(id))!, [], 'amd64');
    if (!probed.ok) throw new Error(probed.reason);
    expect(probed.output.identity.passwd).toBe('ok');
    expect(probed.accountFiles).toBe(null);
  });
});
