import { execFile } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker.js';

// probe/e2e.mjs runs the probe binary directly, exactly as the check does, in small hostile
// images (symlink loops, FIFOs, deep trees, a probe started as non-root, …) and validates
// every document with the schema. It is the probe's own suite; CI runs it through here.
describe.skipIf(!inject('docker'))('the probe scenario suite (probe/e2e.mjs)', () => {
  it('passes every scenario', async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        process.execPath,
        ['probe/e2e.mjs'],
        { cwd: REPO_ROOT, timeout: 180_000 },
        (error, out, err) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }),
      );
    });
    expect(stdout + stderr).not.toMatch(/^\s+FAIL/m);
    expect(stdout.trim().split('\n').at(-1)).toBe('all passed');
    expect(code).toBe(0);
  });
});
