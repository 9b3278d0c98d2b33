import type { DockerfileFacts } from '../dockerfile/types.js';
import type { ImageFacts } from './image.js';
import type { KubernetesFacts } from '../kubernetes/types.js';
import type { ProbeOutput } from '../probe/schema.js';
import type { Accounts } from './accounts.js';
import type { DeclaredPort } from './ports.js';
import type { ResolvedUser } from './resolve-user.js';

/*
 * What is true of the image, its Dockerfile and its manifests: gathered by the
 * edges, judged by policy/. Nothing here knows of the policy, fixes or reports.
 */

/** What became of the in-container probe. */
export type ProbeStatus =
  | { status: 'ok'; elapsedMs: number }
  /** The probe could not run or its output could not be read: nothing it would show is known. */
  | { status: 'failed'; reason: string }
  /** The probe ran but could not become the image's user: the container cannot start. */
  | { status: 'user-error'; reason: string };

/** Everything the rules judge: plain data gathered by the edges. */
export interface Facts {
  image: ImageFacts;
  accounts: Accounts;
  /** `image.user` resolved against the image's own account files. */
  user: ResolvedUser;
  dockerfile: DockerfileFacts | null;
  /** Ports the image declares (EXPOSE and the port variables). */
  ports: DeclaredPort[];
  /** The probe's facts from inside the image, or null when it did not run. */
  runtime: ProbeOutput | null;
  probe: ProbeStatus;
  /** The manifests' containers that run this image, or null when no manifests were given. */
  kubernetes: KubernetesFacts | null;
}

/**
 * The kinds of facts a rule can need; a rule whose facts are missing is
 * reported as skipped, with the reason. `filesystem` is the probe's walk (as
 * root); `runtime-user` is what the probe measured as the image's user.
 */
export type FactKind =
  'image' | 'accounts' | 'dockerfile' | 'filesystem' | 'runtime-user' | 'manifests';
