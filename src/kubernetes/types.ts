/**
 * The containers of Kubernetes manifests as the rules see them: every field a
 * rule reads, with the line it is on, and where a missing field would go (so
 * a fix can be a YAML patch). Lines are 1-based; columns 0-based.
 */

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/** A value and the line it is written on. */
export interface Located<T> {
  value: T;
  line: number;
}

/**
 * A block mapping in the file: where its keys start and end, so a patch can
 * add a key inside it (at `indent`, after `endLine`). Null `block` details
 * when the mapping is written in flow style (`{a: 1}`): no patch then.
 */
export interface MappingPosition {
  /** Line of the key that holds the mapping (e.g. `securityContext:`), or of its first key for a list item. */
  line: number;
  /** Column of the mapping's own keys. */
  indent: number;
  /** Last line of the mapping's content (before trailing comments and blank lines). */
  endLine: number;
  flow: boolean;
}

/** The securityContext fields the rules read, pod- or container-level. */
export interface SecurityFields {
  /** Where the securityContext mapping is, or null when there is none. */
  position: MappingPosition | null;
  runAsNonRoot?: Located<boolean>;
  /** int64, exact. */
  runAsUser?: Located<bigint>;
  runAsGroup?: Located<bigint>;
  /** Container-level only. */
  allowPrivilegeEscalation?: Located<boolean>;
  privileged?: Located<boolean>;
  capabilities?: {
    position: MappingPosition;
    drop?: Located<string[]>;
    add?: Located<string[]>;
  };
  seccompProfile?: { position: MappingPosition; type?: Located<string> };
}

export interface PodVolume {
  name: string;
  /** The volume source key: configMap, emptyDir, hostPath, persistentVolumeClaim, … */
  type: string;
  line: number;
}

/** One container of one workload, with its pod's settings. */
export interface ManifestContainer {
  /** The manifest file, relative to the repository (as the user gave it). */
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  kind: WorkloadKind;
  /** metadata.name of the workload (or of the List item). */
  workload: string;
  list: ContainerList;
  /** The container's `name`. */
  name: string;
  /** The container's mapping (its `- name:` item). */
  position: MappingPosition;
  image: Located<string>;
  ports: Located<number>[];
  container: SecurityFields;
  pod: SecurityFields & {
    /** The pod spec mapping (where pod-level keys like securityContext go). */
    spec: MappingPosition;
    hostUsers?: Located<boolean>;
    volumes: PodVolume[];
  };
}

/** What the rules know of the manifests: the containers that run the checked image. */
export interface KubernetesFacts {
  /** The manifest files read, as given (relative to the repository). */
  files: string[];
  /** Each file's text, for fixes as YAML patches. */
  sources: Record<string, string>;
  /** Containers whose image is the checked one. */
  containers: ManifestContainer[];
  /** The images the other containers run (to say why none matched). */
  otherImages: string[];
}
