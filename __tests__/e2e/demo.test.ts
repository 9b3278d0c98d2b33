import { execFile } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker.js';

// `npm run demo` is the README's first promise: one passing and one failing report, offline.
describe.skipIf(!inject('docker'))('npm run demo', () => {
  it('prints one passing and one failing report and exits 0', async () => {
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['scripts/demo.mjs'], { cwd: REPO_ROOT }, (error, out) =>
        resolve({ code: error ? Number(error.code) : 0, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  nonroot-guard-demo/dotnet-style:latest: no findings');
    expect(stdout).toContain('  user        "1654" → uid 1654, gid 1654 (app)');
    expect(stdout).toContain('FAIL  nonroot-guard-demo/forgot-user:latest: 3 errors');
    expect(stdout).toContain('error   NR010 runs-as-root  examples/forgot-user/Dockerfile:12');
    expect(stdout).toContain('error   NR001 user-not-set  examples/forgot-user/Dockerfile:12');
    expect(stdout).toContain('(USER app on line 9 is in stage build, not in the final stage)');
  });
});
