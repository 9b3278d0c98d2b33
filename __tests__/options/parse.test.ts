import { describe, expect, it } from 'vitest';
import { OPTIONS, type OptionKey, type RawOptions } from '../../src/options/options.js';
import { parseOptions } from '../../src/options/parse.js';

const camelCase = (key: string) =>
  key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A valid value of each option, as a flag or input gives it (the compiler asks for a new one's). */
const SAMPLES: Record<OptionKey, unknown> = {
  image: 'app:1',
  context: 'app',
  dockerfile: 'app/Dockerfile',
  target: 'final',
  'build-args': ['A=1'],
  secrets: ['token=x'],
  'secret-files': ['npmrc=.npmrc'],
  ssh: ['default'],
  platform: 'linux/arm64',
  pull: 'true',
  'keep-image': 'true',
  'build-command': 'make image',
  policy: 'policy.yml',
  preset: 'hardened',
  manifests: ['k8s/*.yaml'],
  'manifest-image': 'registry/app',
  'fail-on': 'warning',
  probe: 'optional',
  'sarif-file': 'out.sarif',
  comment: 'always',
  'comment-id': 'api',
  suggestions: 'false',
  'github-token': 't',
  'report-file': 'report.json',
  'pr-number': '7',
};

/**
 * What a check is given is the option table itself, validated: one field per
 * option, named after it, so adding an option touches the table and its use only.
 */
describe('the options a check is given', () => {
  it('have one field per option of the table, named after it, and no other', () => {
    for (const key of Object.keys(OPTIONS) as OptionKey[]) {
      // An image to check, unless the option itself replaces it (report-file checks nothing).
      const raw: RawOptions =
        key === 'report-file' ? { [key]: SAMPLES[key] } : { image: 'app:1', [key]: SAMPLES[key] };
      const options = parseOptions(raw, '--') as Record<string, unknown>;
      expect(options[camelCase(key)], key).not.toBeUndefined();
      for (const field of Object.keys(options)) {
        expect(Object.keys(OPTIONS).map(camelCase), key).toContain(field);
      }
    }
  });

  it('carry each value as validated, defaults applied', () => {
    expect(
      parseOptions(
        {
          context: ' app ',
          'build-args': ['A=1', 'B=x=y'],
          'github-token': 't',
          'pr-number': '42',
          suggestions: 'false',
        },
        '',
      ),
    ).toEqual({
      image: undefined,
      context: 'app',
      dockerfile: undefined,
      target: undefined,
      buildArgs: { A: '1', B: 'x=y' },
      secrets: {},
      secretFiles: {},
      ssh: [],
      platform: undefined,
      pull: false,
      keepImage: false,
      buildCommand: undefined,
      policy: undefined,
      preset: undefined,
      manifests: [],
      manifestImage: undefined,
      failOn: 'error',
      probe: 'required',
      sarifFile: undefined,
      comment: 'auto',
      commentId: undefined,
      suggestions: false,
      githubToken: 't',
      reportFile: undefined,
      prNumber: 42,
    });
  });

  it('read platforms comma- or newline-separated, as build-push-action does, each os/arch[/variant]', () => {
    const platforms = (value: string) =>
      parseOptions({ image: 'app:1', platform: value }, '--').platform;
    expect(platforms('linux/amd64')).toEqual(['linux/amd64']);
    expect(platforms(' linux/amd64, linux/arm64/v8 ,\nlinux/arm/v7\n')).toEqual([
      'linux/amd64',
      'linux/arm64/v8',
      'linux/arm/v7',
    ]);
    expect(platforms('linux/amd64,linux/amd64')).toEqual(['linux/amd64']);
    expect(platforms(' , ')).toBeUndefined();
    for (const bad of [
      'amd64',
      'linux/amd64,arm64',
      'linux/amd64/v1/x',
      '--privileged',
      'Linux/AMD64',
    ]) {
      expect(() => parseOptions({ image: 'app:1', platform: bad }, '--'), bad).toThrow(
        '--platform: expected os/arch[/variant], comma-separated (e.g. linux/amd64,linux/arm64)',
      );
    }
  });
});
