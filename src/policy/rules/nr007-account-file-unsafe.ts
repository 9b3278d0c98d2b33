import type { Rule } from '../types.js';
import { fromLocation } from './locate.js';

export const nr007: Rule = {
  id: 'NR007',
  name: 'account-file-unsafe',
  title: '/etc/passwd or /etc/group is not a regular file of the image',
  rationale:
    "The Docker daemon reads the image's /etc/passwd and /etc/group itself when it starts any container of the image, on the image's own files, before /proc, /sys, /dev and the daemon's own files are mounted. A device node there can feed the daemon without end and a FIFO blocks it; a symlink into /proc, /sys, /dev, a mount or above / makes the container see other accounts than the engine resolves the user from, so what a check measures inside is not what runs. No image needs either: the check refuses it, and starts no container of an image with a device node or FIFO there.",
  howToFix:
    'Ship /etc/passwd and /etc/group as regular files of the image (e.g. `COPY passwd /etc/passwd`, or `RUN useradd`), not as links, devices or FIFOs.',
  examples: { failing: 'passwd-into-proc', passing: 'user-1654' },
  levels: { baseline: 'error', restricted: 'error', hardened: 'error' },
  needs: ['accounts'],
  evaluate(facts) {
    return facts.accounts.unsafe.map((file) => ({
      message: `${file.path} ${file.what}${file.started ? '' : ': no container of the image was started'}`,
      location: fromLocation(facts),
      fix: {
        summary: `Make ${file.path} a regular file of the image (\`COPY\` it or create the accounts with \`RUN useradd\`), not a link, device node or FIFO.`,
        diff: null,
      },
    }));
  },
};
