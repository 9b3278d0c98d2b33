import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/source/command.js';

describe('runCommand with readStdout', () => {
  it('stops giving chunks once the reader has had enough, though more were already in the pipe', async () => {
    // 4 MiB arrive in many chunks; the ones already read from the pipe when the kill lands
    // must not reach a reader that has decided (a late chunk overwrote a decision before).
    let calls = 0;
    let afterEnough = 0;
    let enough = false;
    const result = await runCommand('head', ['-c', String(4 * 1024 * 1024), '/dev/zero'], {
      readStdout: () => {
        calls++;
        if (enough) afterEnough++;
        enough = true;
        return 'enough';
      },
    });
    expect(calls).toBe(1);
    expect(afterEnough).toBe(0);
    expect(result.stdout).toBe('');
  });
});
