import { startEarlyCalls } from './image/early-calls.js';

/** An input as @actions/core's getInput reads it, before that library is loaded. */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

// Docker answers the check's first questions while Node loads the action. Not when
// posting a report file (no docker at all) or on a runner that is not Linux.
const builds = input('context') || input('build-command') || /^true$/i.test(input('pull'));
const early =
  process.platform === 'linux' && !input('report-file')
    ? startEarlyCalls({ existingImage: builds ? undefined : input('image') || undefined })
    : undefined;
const { run } = await import('./main.js');

await run(early);
early?.discard();
