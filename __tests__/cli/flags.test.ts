import { describe, expect, it } from 'vitest';
import { earlyRequest } from '../../src/cli/flags.js';

describe('earlyRequest: what the CLI asks docker before it has loaded the check', () => {
  it.each([
    [['check', '--image', 'app:1'], { existingImage: 'app:1' }],
    [['check', '--image=app:1', '--format', 'json'], { existingImage: 'app:1' }],
    [['--image', 'app:1', 'check', '--dockerfile', 'Dockerfile'], { existingImage: 'app:1' }],
    // A build, a build command or a pull makes the image later: only the engine check.
    [['check', '--image', 'app:1', '--context', '.'], { existingImage: undefined }],
    [['check', '--image', 'app:1', '--build-command', 'make image'], { existingImage: undefined }],
    [['check', '--image', 'app:1', '--pull'], { existingImage: undefined }],
    [['check', '--context', '.'], { existingImage: undefined }],
  ])('%j → %j', (argv, request) => {
    expect(earlyRequest(argv)).toEqual(request);
  });

  it.each([
    [[]],
    [['--version']],
    [['check', '--image', 'app:1', '--help']],
    [['check', '--image', 'app:1', '--no-such-flag']],
    [['check', 'extra', '--image', 'app:1']],
    [['inspect', '--image', 'app:1']],
    [['check', '--image']],
  ])('%j → nothing: the full parse says what is wrong, or there is no check', (argv) => {
    expect(earlyRequest(argv)).toBeNull();
  });
});
