import { describeUserInstruction } from '../../dockerfile/describe.js';
import { switchUserDiff, userCreation } from '../../fixes/user.js';
import { dockerfileSource } from '../../fixes/source.js';
import { MAX_UID, parseGoInt64 } from '../../facts/user-spec.js';
import type { Facts } from '../../facts/types.js';
import type { Fix } from '../../fixes/types.js';
import type { Location } from '../../facts/location.js';

/** Conventional "nobody" accounts: never suggest switching to them. */
const NOBODY_UIDS = new Set([65534n]);

/**
 * The line to blame for the image's user: the USER instruction that set it,
 * or the final stage's FROM when the base image decided.
 */
export function userLocation(facts: Facts): Location | null {
  const dockerfile = facts.dockerfile;
  if (!dockerfile) return null;
  const line = dockerfile.effectiveUser?.line ?? dockerfile.finalStage.line;
  return { file: dockerfile.path, line };
}

/** `USER x` as the person wrote it when we have the Dockerfile, else as the image stores it. */
export function userLabel(facts: Facts): string {
  const written = facts.dockerfile?.effectiveUser;
  if (written && written.value === facts.image.user) return describeUserInstruction(written);
  return `USER ${facts.image.user}`;
}

export interface SuggestedUser {
  /** The Dockerfile instruction to use, e.g. `USER $APP_UID`. */
  instruction: string;
  /** Why this value, e.g. `the base image defines APP_UID=1654`. */
  reason: string;
  /** The user does not exist yet and must be created first. */
  mustCreate: boolean;
}

function appUid(facts: Facts): number | null {
  const value = facts.dockerfile?.env['APP_UID'] ?? facts.image.env['APP_UID'];
  if (value === undefined) return null;
  const uid = parseGoInt64(value);
  return uid !== null && uid > 0n && uid <= MAX_UID ? Number(uid) : null;
}

/** A numeric non-root user that fits this image: APP_UID, an existing regular user, or a new one. */
export function suggestNonRootUser(facts: Facts): SuggestedUser {
  const fromEnv = appUid(facts);
  if (fromEnv !== null) {
    return {
      instruction: 'USER $APP_UID',
      reason: `the image defines APP_UID=${fromEnv}`,
      mustCreate: false,
    };
  }
  const existing = facts.accounts.passwd?.find(
    (entry) => entry.uid >= 1000n && entry.uid <= MAX_UID && !NOBODY_UIDS.has(entry.uid),
  );
  if (existing) {
    return {
      instruction: `USER ${existing.uid}`,
      reason: `the image already has user ${existing.name} (uid ${existing.uid})`,
      mustCreate: false,
    };
  }
  return {
    instruction: 'USER 10001',
    reason: 'the image has no regular user yet',
    mustCreate: true,
  };
}

/** The numeric form of a user the image knows by name: `$APP_UID` when it is that UID. */
export function numericFormFor(facts: Facts, uid: number, gid: number | null): string {
  const user = appUid(facts) === uid ? '$APP_UID' : String(uid);
  return gid === null ? user : `${user}:${gid}`;
}

/**
 * The fix that makes the image's user non-root. Its diff is held back while a declared port
 * below 1024 (one the policy does not allow) would then no longer bind: the image would pass
 * and the app break. The words then say what else must change.
 */
export function switchUserFix(
  facts: Facts,
  verb: 'Add' | 'Replace it with',
  allowedPorts: readonly number[] = [],
): Fix {
  const fix = switchUserFixAlone(facts, verb);
  const breaking = facts.ports.find(
    (port) => port.port < 1024 && !allowedPorts.includes(port.port),
  );
  if (!breaking) return fix;
  const uid = /^USER (\d+)/.exec(suggestNonRootUser(facts).instruction)?.[1];
  const who = uid ? `uid ${uid}` : 'a non-root user';
  return {
    summary: `${fix.summary} Not offered as a diff: the image declares port ${breaking.port} (${breaking.declaration}), which ${who} cannot bind on a default Kubernetes node; have the app listen on 8080 and EXPOSE 8080 in the same change (see NR050).`,
    diff: null,
  };
}

function switchUserFixAlone(facts: Facts, verb: 'Add' | 'Replace it with'): Fix {
  const suggestion = suggestNonRootUser(facts);
  const where = verb === 'Add' ? ' in the final stage, before ENTRYPOINT/CMD' : '';
  const diff = switchUserDiff(facts, suggestion);
  const number = 'Use the number, not a name, so Kubernetes runAsNonRoot can verify it.';
  // The text says what the diff does: both follow from one decision.
  const creation = suggestion.mustCreate
    ? userCreation(facts, dockerfileSource(facts)?.changesShell() ?? false)
    : null;
  switch (creation?.kind) {
    case 'useradd':
      return {
        summary: `Create a user with the image's own tools, \`RUN groupadd --gid 10001 app && useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin app\`, then use \`${suggestion.instruction}\`${where}. ${number}`,
        diff,
      };
    case 'append':
      return {
        summary: `Create a user by adding it to /etc/passwd and /etc/group (the image has a shell but no useradd), \`RUN echo 'app:x:10001:10001::/home/app:/sbin/nologin' >> /etc/passwd && echo 'app:x:10001:' >> /etc/group && mkdir -p /home/app && chown 10001:10001 /home/app\`, then use \`${suggestion.instruction}\`${where}. ${number}`,
        diff,
      };
    case 'numeric': {
      const why =
        creation.why === 'no-shell'
          ? 'the image has no shell to create a user with'
          : creation.why === 'taken'
            ? 'the name app or the id 10001 is taken in the image'
            : 'a SHELL instruction changes what RUN runs';
      return {
        summary: `${verb} \`USER 10001:10001\`${where}: ${why}, and a numeric uid needs no /etc/passwd entry; the explicit group avoids group 0. To give it a name and a HOME, add \`app:x:10001:10001::/home/app:/sbin/nologin\` to a copy of /etc/passwd (and \`app:x:10001:\` to /etc/group) in a build stage that has a shell, and COPY them and an app-owned /home/app into the final stage. ${number}`,
        diff,
      };
    }
  }
  // The image's tools are unknown (no probe): say what fits which base.
  const create = suggestion.mustCreate
    ? 'Create a user first, e.g. `RUN adduser -D -u 10001 app` (Alpine/BusyBox) or `RUN useradd --uid 10001 app` (Debian/Ubuntu), then use '
    : `${verb} `;
  return {
    summary: `${create}\`${suggestion.instruction}\`${where} (${suggestion.reason}). ${number}`,
    diff,
  };
}

/**
 * A path as one shell word for a RUN line, or null when it cannot be given
 * safely (control characters): image-controlled names must never become
 * commands in the user's Dockerfile.
 */
export function shellWord(path: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return null;
  if (/^[A-Za-z0-9_./+@:,=%-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
