import { earlyRequestFor, startEarlyCalls } from '../source/docker/early-calls.js';
import { localEngineSocket } from '../source/docker/engine-api.js';
import type { OptionKey } from '../options/options.js';

/** An input of the option table as @actions/core's getInput reads it, before that library is loaded. */
function input(name: OptionKey): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

// Docker answers the check's first questions while Node loads the action. Not when
// posting a report file (no docker at all) or on a runner that is not Linux.
const early =
  process.platform === 'linux' && !input('report-file')
    ? startEarlyCalls(
        earlyRequestFor({
          image: input('image'),
          context: input('context'),
          buildCommand: input('build-command'),
          pull: /^true$/i.test(input('pull')),
        }),
        undefined,
        localEngineSocket(),
      )
    : undefined;
await early?.underway();
const { run } = await import('./main.js');

await run(early);
early?.discard();
