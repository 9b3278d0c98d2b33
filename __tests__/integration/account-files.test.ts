import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Docker } from '../../src/source/docker/docker.js';
import type { AccountFiles } from '../../src/facts/image.js';
import { parseProbeOutput } from '../../src/probe/probe.js';
import { runProbe } from '../../src/source/docker/probe-container.js';
import { buildImage } from '../helpers/docker.js';
import { probeOutput } from '../helpers/facts.js';

/**
 * The account files are read from the probe's own container after it is
 * created and before it starts, as the daemon will read them; the probe also
 * prints them as it read them inside (--account-files), which must agree.
 */

describe('the account files the probe printed', () => {
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

  async function image(name: string, files: Record<string, string | Buffer>): Promise<string> {
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
    [
      // The print is of other bytes than the file (U+FFFD for each invalid sequence): read whole.
      'not utf-8',
      {
        Dockerfile: 'FROM scratch\nCOPY passwd group /etc/\n',
        passwd: Buffer.from('root:x:0:0:\xff\xfe:/root:/bin/sh\n', 'latin1'),
        group: 'root:x:0:\n',
      },
    ],
  ])('are what docker cp reads (%s)', async (name, files) => {
    const id = await image(name.replace(' ', '-'), files);
    const facts = await driver.inspect(id);
    const probed = await runProbe(driver, facts!, [], 'amd64');
    if (!probed.ok) throw new Error(probed.reason);
    expect(probed.accountFiles.unsafe).toEqual([]);
    expect(sorted(probed.accountFiles)).toEqual(sorted(await driver.readAccountFiles(id)));
  });

  it('are read whole when /etc/passwd is over the 256 KiB the probe prints', async () => {
    const line = `${'u'.repeat(60)}:x:1000:1000::/home/u:/bin/sh\n`;
    const id = await image('large', {
      Dockerfile: 'FROM scratch\nCOPY passwd /etc/\n',
      passwd: line.repeat(Math.ceil((257 * 1024) / line.length)),
    });
    const probed = await runProbe(driver, (await driver.inspect(id))!, [], 'amd64');
    if (!probed.ok) throw new Error(probed.reason);
    expect(probed.output.identity.passwd).toBe('ok');
    expect(probed.accountFiles.passwd?.length).toBeGreaterThan(256 * 1024);
    expect(probed.accountFiles.unsafe).toEqual([]);
  });
});
