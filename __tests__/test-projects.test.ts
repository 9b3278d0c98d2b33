import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/docker.js';

/**
 * The unit project has no Docker set-up: a test there that asks for Docker
 * would be skipped in every run. Docker-backed tests belong in e2e/ or
 * integration/ (vitest.config.ts), where CI=true makes a missing engine fail.
 */
describe('the two test projects', () => {
  it('keeps every Docker-backed test out of the unit project', () => {
    const misplaced: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!['e2e', 'integration'].includes(entry.name)) visit(path);
        } else if (entry.name.endsWith('.test.ts')) {
          if (/inject\(\s*['"](docker|secondEngine)['"]\s*\)/.test(readFileSync(path, 'utf8'))) {
            misplaced.push(relative(REPO_ROOT, path));
          }
        }
      }
    };
    visit(join(REPO_ROOT, '__tests__'));
    expect(misplaced).toEqual([]);
  });
});
