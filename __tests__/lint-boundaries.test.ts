import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/docker.js';

/** The folder boundaries of eslint.config.js fail on a forbidden import (README, "Development"). */
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the folder boundaries', () => {
  it.each([
    ['src/facts/x.ts', "import type { Rule } from '../policy/types.js';\nexport type X = Rule;\n"],
    [
      'src/facts/x.ts',
      "import type { Report } from '../report/types.js';\nexport type X = Report;\n",
    ],
    [
      'src/fixes/x.ts',
      "import { RULES } from '../policy/rules/index.js';\nexport const x = RULES;\n",
    ],
    [
      'src/fixes/x.ts',
      "import type { Docker } from '../source/docker/docker.js';\nexport type X = Docker;\n",
    ],
    [
      'src/fixes/x.ts',
      "import type { CheckOptions } from '../options/parse.js';\nexport type X = CheckOptions;\n",
    ],
    [
      'src/facts/x.ts',
      "import type { ImageSource } from '../source/types.js';\nexport type X = ImageSource;\n",
    ],
    [
      'src/policy/x.ts',
      "import type { ImageSource } from '../source/types.js';\nexport type X = ImageSource;\n",
    ],
    [
      'src/report/x.ts',
      "import type { CheckEnvironment } from '../check/check.js';\nexport type X = CheckEnvironment;\n",
    ],
    ['src/check/x.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['src/github/x.ts', "import * as exec from '@actions/exec';\nexport const x = exec;\n"],
    ['src/policy/x.ts', "import * as core from '@actions/core';\nexport const x = core;\n"],
    ['src/report/x.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
  ])('%s may not import that: %j', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
  });

  it('lets each folder import what it may (only source/ runs processes)', async () => {
    expect(
      await lint(
        'src/fixes/x.ts',
        "import type { Facts } from '../facts/types.js';\nexport type X = Facts;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src/source/x.ts',
        "import { spawn } from 'node:child_process';\nexport const x = spawn;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src/policy/x.ts',
        "import type { Fix } from '../fixes/types.js';\nexport type X = Fix;\n",
      ),
    ).toEqual([]);
  });
});
