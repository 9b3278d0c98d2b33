import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import { parseManifests } from '../../src/kubernetes/manifests.js';
import type { ManifestContainer, WorkloadKind } from '../../src/kubernetes/types.js';

const FILE = 'deploy/app.yaml';

function error(text: string): { message: string; hint?: string } {
  try {
    parseManifests(text, FILE);
  } catch (caught) {
    if (caught instanceof CheckError && caught.kind === 'input') {
      return { message: caught.message, hint: caught.hint };
    }
    throw caught;
  }
  throw new Error('expected the manifest to be rejected');
}

/** Indents every line of a block by `spaces`, to nest one pod spec under each kind. */
function indent(block: string, spaces: number): string {
  return block
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');
}

// A pod spec of 7 lines, to nest under `spec:`.
const POD_SPEC = `securityContext:
  runAsNonRoot: true
containers:
  - name: app
    image: ghcr.io/org/app:1.0
    ports:
      - containerPort: 8080
`;

describe('a Pod', () => {
  it('gives every field of its container, with lines and mapping positions', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 1654
    runAsGroup: 1654
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: ghcr.io/org/app:1.0
      ports:
        - containerPort: 8080
        - name: metrics
          containerPort: 9090
      securityContext:
        allowPrivilegeEscalation: false
        privileged: false
        capabilities:
          drop: [ALL]
          add:
            - NET_BIND_SERVICE
  volumes:
    - name: data
      emptyDir: {}
`;
    const pod: ManifestContainer['pod'] = {
      position: { line: 7, indent: 4, endLine: 12, flow: false },
      runAsNonRoot: { value: true, line: 8 },
      runAsUser: { value: 1654n, line: 9 },
      runAsGroup: { value: 1654n, line: 10 },
      seccompProfile: {
        position: { line: 11, indent: 6, endLine: 12, flow: false },
        type: { value: 'RuntimeDefault', line: 12 },
      },
      spec: { line: 5, indent: 2, endLine: 29, flow: false },
      hostUsers: { value: false, line: 6 },
      volumes: [{ name: 'data', type: 'emptyDir', line: 28 }],
    };
    expect(parseManifests(text, FILE)).toEqual([
      {
        file: FILE,
        document: 0,
        kind: 'Pod',
        workload: 'web',
        list: 'containers',
        name: 'app',
        position: { line: 14, indent: 6, endLine: 26, flow: false },
        image: { value: 'ghcr.io/org/app:1.0', line: 15 },
        ports: [
          { value: 8080, line: 17 },
          { value: 9090, line: 19 },
        ],
        container: {
          position: { line: 20, indent: 8, endLine: 26, flow: false },
          allowPrivilegeEscalation: { value: false, line: 21 },
          privileged: { value: false, line: 22 },
          capabilities: {
            position: { line: 23, indent: 10, endLine: 26, flow: false },
            drop: { value: ['ALL'], line: 24 },
            add: { value: ['NET_BIND_SERVICE'], line: 25 },
          },
        },
        pod,
      },
    ]);
  });

  it('leaves out what is not written: no securityContext, no ports, no volumes, no name', () => {
    const text = `kind: Pod
spec:
  containers:
    - image: nginx
`;
    expect(parseManifests(text, FILE)).toEqual([
      {
        file: FILE,
        document: 0,
        kind: 'Pod',
        workload: '',
        list: 'containers',
        name: '',
        position: { line: 4, indent: 6, endLine: 4, flow: false },
        image: { value: 'nginx', line: 4 },
        ports: [],
        container: { position: null },
        pod: {
          position: null,
          spec: { line: 2, indent: 2, endLine: 4, flow: false },
          volumes: [],
        },
      },
    ]);
  });
});

describe('the pod spec of each workload kind', () => {
  // The pod spec nested where each kind keeps it: the line of its `spec:` key and the column of its keys.
  const template = {
    text: `spec:\n  template:\n    spec:\n${indent(POD_SPEC, 6)}`,
    specLine: 7,
    keys: 6,
  };
  const nested: Record<Exclude<WorkloadKind, 'Pod'>, typeof template> = {
    Deployment: template,
    StatefulSet: template,
    DaemonSet: template,
    ReplicaSet: template,
    Job: template,
    CronJob: {
      text: `spec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${indent(POD_SPEC, 10)}`,
      specLine: 10,
      keys: 10,
    },
  };

  it.each(Object.entries(nested))('%s', (kind, { text, specLine, keys }) => {
    const manifest = `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${text}`;
    expect(parseManifests(manifest, FILE)).toEqual([
      {
        file: FILE,
        document: 0,
        kind,
        workload: 'web',
        list: 'containers',
        name: 'app',
        position: { line: specLine + 4, indent: keys + 4, endLine: specLine + 7, flow: false },
        image: { value: 'ghcr.io/org/app:1.0', line: specLine + 5 },
        ports: [{ value: 8080, line: specLine + 7 }],
        container: { position: null },
        pod: {
          position: { line: specLine + 1, indent: keys + 2, endLine: specLine + 2, flow: false },
          runAsNonRoot: { value: true, line: specLine + 2 },
          spec: { line: specLine, indent: keys, endLine: specLine + 7, flow: false },
          volumes: [],
        },
      },
    ]);
  });

  it('reads every item of a List, and takes the kind of a typed list for items without one', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
            - name: app
              image: app:1
  - apiVersion: v1
    kind: Pod
    metadata:
      name: debug
    spec:
      containers:
        - name: shell
          image: busybox
---
apiVersion: apps/v1
kind: DeploymentList
items:
  - metadata:
      name: api
    spec:
      template:
        spec:
          containers:
            - name: api
              image: api:2
`;
    const containers = parseManifests(text, FILE);
    expect(
      containers.map(({ document, kind, workload, name, image, position, pod }) => ({
        document,
        kind,
        workload,
        name,
        image,
        line: position.line,
        spec: pod.spec,
      })),
    ).toEqual([
      {
        document: 0,
        kind: 'Deployment',
        workload: 'web',
        name: 'app',
        image: { value: 'app:1', line: 17 },
        line: 16,
        spec: { line: 14, indent: 10, endLine: 17, flow: false },
      },
      {
        document: 0,
        kind: 'Pod',
        workload: 'debug',
        name: 'shell',
        image: { value: 'busybox', line: 25 },
        line: 24,
        spec: { line: 22, indent: 6, endLine: 25, flow: false },
      },
      {
        document: 1,
        kind: 'Deployment',
        workload: 'api',
        name: 'api',
        image: { value: 'api:2', line: 37 },
        line: 36,
        spec: { line: 34, indent: 10, endLine: 37, flow: false },
      },
    ]);
  });
});

describe('containers, init containers and ephemeral containers', () => {
  it('gives each its list, in the order containers, initContainers, ephemeralContainers', () => {
    const text = `kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: migrate
      image: app:1
      securityContext:
        runAsUser: 0
  containers:
    - name: app
      image: app:1
    - name: sidecar
      image: envoy:1
  ephemeralContainers:
    - name: debugger
      image: busybox
`;
    expect(
      parseManifests(text, FILE).map(({ list, name, image, container }) => ({
        list,
        name,
        image: image.value,
        runAsUser: container.runAsUser,
      })),
    ).toEqual([
      { list: 'containers', name: 'app', image: 'app:1', runAsUser: undefined },
      { list: 'containers', name: 'sidecar', image: 'envoy:1', runAsUser: undefined },
      {
        list: 'initContainers',
        name: 'migrate',
        image: 'app:1',
        runAsUser: { value: 0n, line: 9 },
      },
      { list: 'ephemeralContainers', name: 'debugger', image: 'busybox', runAsUser: undefined },
    ]);
  });

  it('keeps pod-level and container-level securityContext apart', () => {
    const text = `kind: Pod
spec:
  securityContext:
    runAsUser: 1000
    privileged: true
    capabilities:
      add: [SYS_ADMIN]
  containers:
    - name: app
      image: app:1
      securityContext:
        runAsUser: 2000
`;
    const [container] = parseManifests(text, FILE);
    // privileged and capabilities are not PodSecurityContext fields: the API server drops them.
    expect(container!.pod).toEqual({
      position: { line: 3, indent: 4, endLine: 7, flow: false },
      runAsUser: { value: 1000n, line: 4 },
      spec: { line: 2, indent: 2, endLine: 12, flow: false },
      volumes: [],
    });
    expect(container!.container).toEqual({
      position: { line: 11, indent: 8, endLine: 12, flow: false },
      runAsUser: { value: 2000n, line: 12 },
    });
  });

  it('reads runAsUser as the int64 it is, exactly: beyond 2^53 too, and a float kubectl takes (1e3)', () => {
    const text = `kind: Pod
spec:
  securityContext:
    runAsUser: 9223372036854775807
  containers:
    - name: app
      image: app:1
      securityContext:
        runAsUser: 1e3
        runAsGroup: -9223372036854775808
`;
    const [container] = parseManifests(text, FILE);
    expect(container!.pod.runAsUser).toEqual({ value: 9223372036854775807n, line: 4 });
    expect(container!.container.runAsUser).toEqual({ value: 1000n, line: 9 });
    expect(container!.container.runAsGroup).toEqual({ value: -9223372036854775808n, line: 10 });
    // Beyond int64 the API server refuses it; it is not read as some other number.
    const [over] = parseManifests(text.replace('9223372036854775807', '9223372036854775808'), FILE);
    expect(over!.pod.runAsUser).toBeUndefined();
  });

  it('skips a container without an image, and reads an empty list as no containers', () => {
    const text = `kind: Pod
spec:
  initContainers: []
  containers:
    - name: no-image
    - name: app
      image: app:1
---
kind: Job
spec:
  template:
    spec:
      containers: []
`;
    expect(parseManifests(text, FILE).map((c) => c.name)).toEqual(['app']);
  });
});

describe('documents', () => {
  it('skips what is not a workload, and counts every document', () => {
    const text = `# a comment before the first document
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  containers: none
---
# only a comment
---
---
just a string
---
- a
- list
---
apiVersion: example.com/v1
kind: Widget
spec:
  containers:
    - image: not-a-pod
---
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:1
`;
    expect(
      parseManifests(text, FILE).map(({ document, kind, image }) => ({ document, kind, image })),
    ).toEqual([{ document: 7, kind: 'Deployment', image: { value: 'app:1', line: 39 } }]);
  });

  it('reads an empty file and a comment-only file as no containers', () => {
    expect(parseManifests('', FILE)).toEqual([]);
    expect(parseManifests('# nothing yet\n', FILE)).toEqual([]);
  });

  it('counts lines the same in a CRLF file', () => {
    const text = [
      'kind: Pod',
      'spec:',
      '  securityContext:',
      '    runAsNonRoot: true',
      '',
      '  containers:',
      '    - name: app',
      '      image: app:1',
      '',
    ].join('\r\n');
    const [container] = parseManifests(text, FILE);
    expect(container!.position).toEqual({ line: 7, indent: 6, endLine: 8, flow: false });
    expect(container!.image).toEqual({ value: 'app:1', line: 8 });
    expect(container!.pod.position).toEqual({ line: 3, indent: 4, endLine: 4, flow: false });
    expect(container!.pod.runAsNonRoot).toEqual({ value: true, line: 4 });
  });
});

describe('mapping positions', () => {
  it('end a mapping at its last content line, before trailing comments and blank lines', () => {
    const text = `kind: Pod
spec:
  containers:
    - name: app
      image: app:1
      securityContext:
        runAsUser: 1000   # a trailing comment
        # a comment at the end

      # a comment after it
    - name: sidecar
      image: |+
        envoy:1

  # the pod's last comment
`;
    const [app, sidecar] = parseManifests(text, FILE);
    expect(app!.container.position).toEqual({ line: 6, indent: 8, endLine: 7, flow: false });
    expect(app!.position).toEqual({ line: 4, indent: 6, endLine: 7, flow: false });
    expect(sidecar!.position).toEqual({ line: 11, indent: 6, endLine: 13, flow: false });
    expect(app!.pod.spec).toEqual({ line: 2, indent: 2, endLine: 13, flow: false });
  });

  it('marks a flow-style securityContext, with its keys and lines', () => {
    const text = `kind: Pod
spec:
  securityContext: {runAsNonRoot: true,
    runAsUser: 1000}
  containers:
    - {name: app, image: app:1, securityContext: {capabilities: {drop: [ALL]}}}
`;
    const [container] = parseManifests(text, FILE);
    expect(container!.pod.position).toEqual({ line: 3, indent: 20, endLine: 4, flow: true });
    expect(container!.pod.runAsNonRoot).toEqual({ value: true, line: 3 });
    expect(container!.pod.runAsUser).toEqual({ value: 1000n, line: 4 });
    expect(container!.position).toEqual({ line: 6, indent: 7, endLine: 6, flow: true });
    expect(container!.container).toEqual({
      position: { line: 6, indent: 50, endLine: 6, flow: true },
      capabilities: {
        position: { line: 6, indent: 65, endLine: 6, flow: true },
        drop: { value: ['ALL'], line: 6 },
      },
    });
  });
});

describe('values', () => {
  it('reads booleans as kubectl does (YAML 1.1: yes and on are true), and nothing of the wrong type', () => {
    const text = `kind: Pod
spec:
  hostUsers: no
  securityContext:
    runAsNonRoot: "true"
    runAsUser: "1000"
    runAsGroup: 1.5
  containers:
    - name: app
      image: app:1
      ports:
        - containerPort: "8080"
        - containerPort: 8.0e3
      securityContext:
        privileged: yes
        allowPrivilegeEscalation: On
        runAsUser: 1e3
        runAsNonRoot: 1
        capabilities:
          drop: [ALL, 7]
          add: ALL
        seccompProfile:
          type: 5
`;
    const [container] = parseManifests(text, FILE);
    expect(container!.pod).toEqual({
      position: { line: 4, indent: 4, endLine: 7, flow: false },
      spec: { line: 2, indent: 2, endLine: 23, flow: false },
      hostUsers: { value: false, line: 3 },
      volumes: [],
    });
    // 1e3 and 8.0e3 are whole numbers: kubectl sends them to the API server as 1000 and 8000.
    expect(container!.ports).toEqual([{ value: 8000, line: 13 }]);
    expect(container!.container).toEqual({
      position: { line: 14, indent: 8, endLine: 23, flow: false },
      privileged: { value: true, line: 15 },
      allowPrivilegeEscalation: { value: true, line: 16 },
      runAsUser: { value: 1000n, line: 17 },
      capabilities: { position: { line: 19, indent: 10, endLine: 21, flow: false } },
      seccompProfile: { position: { line: 22, indent: 10, endLine: 23, flow: false } },
    });
  });

  it('gives each volume its source type; one without a source is an emptyDir', () => {
    const text = `kind: Pod
spec:
  containers:
    - name: app
      image: app:1
  volumes:
    - name: scratch
      emptyDir:
        medium: Memory
    - hostPath:
        path: /var/run/docker.sock
      name: docker
    - name: settings
      configMap:
        name: settings
    - name: defaulted
    - name: null-source
      hostPath:
    - not a volume
    - configMap: {name: nameless}
`;
    expect(parseManifests(text, FILE)[0]!.pod.volumes).toEqual([
      { name: 'scratch', type: 'emptyDir', line: 7 },
      { name: 'docker', type: 'hostPath', line: 10 },
      { name: 'settings', type: 'configMap', line: 13 },
      { name: 'defaulted', type: 'emptyDir', line: 16 },
      { name: 'null-source', type: 'emptyDir', line: 17 },
    ]);
  });
});

describe('anchors, aliases and merge keys', () => {
  it('resolves them, with the lines of the anchor that defines each value', () => {
    const text = `kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - &app
          name: app
          image: app:1
          securityContext: &restricted
            runAsNonRoot: true
            capabilities:
              drop: &all [ALL]
        - <<: *app
          name: worker
          securityContext:
            <<: *restricted
            runAsUser: 1654
        - name: sidecar
          image: envoy:1
          securityContext: *restricted
          ports:
            - containerPort: &port 9901
            - containerPort: *port
`;
    const [app, worker, sidecar] = parseManifests(text, FILE);
    const restricted = {
      position: { line: 11, indent: 12, endLine: 14, flow: false },
      runAsNonRoot: { value: true, line: 12 },
      capabilities: {
        position: { line: 13, indent: 14, endLine: 14, flow: false },
        drop: { value: ['ALL'], line: 14 },
      },
    };
    expect(app!.name).toBe('app');
    expect(app!.position).toEqual({ line: 9, indent: 10, endLine: 14, flow: false });
    expect(app!.container).toEqual(restricted);

    // The merged image and name come from the anchor; the explicit name wins over the merged one.
    expect(worker!.name).toBe('worker');
    expect(worker!.image).toEqual({ value: 'app:1', line: 10 });
    expect(worker!.position).toEqual({ line: 15, indent: 10, endLine: 19, flow: false });
    expect(worker!.container).toEqual({
      position: { line: 17, indent: 12, endLine: 19, flow: false },
      runAsNonRoot: { value: true, line: 12 },
      runAsUser: { value: 1654n, line: 19 },
      capabilities: restricted.capabilities,
    });

    expect(sidecar!.container).toEqual(restricted);
    expect(sidecar!.ports).toEqual([
      { value: 9901, line: 24 },
      { value: 9901, line: 24 },
    ]);
  });

  it('finds a volume source that a merge key brings in', () => {
    const text = `x-socket: &socket
  hostPath:
    path: /var/run/docker.sock
kind: Pod
spec:
  containers:
    - name: app
      image: app:1
  volumes:
    - name: docker
      <<: *socket
`;
    expect(parseManifests(text, FILE)[0]!.pod.volumes).toEqual([
      { name: 'docker', type: 'hostPath', line: 10 },
    ]);
  });

  it('lets a key written as null hide the merged value', () => {
    const text = `x-strict: &strict
  runAsNonRoot: true
  runAsUser: 1000
kind: Pod
spec:
  containers:
    - name: app
      image: app:1
      securityContext:
        <<: *strict
        runAsNonRoot: null
        ? runAsUser
`;
    expect(parseManifests(text, FILE)[0]!.container).toEqual({
      position: { line: 9, indent: 8, endLine: 12, flow: false },
    });
  });

  it('lets earlier merge sources win over later ones', () => {
    const text = `base: &base
  runAsUser: 1
strict: &strict
  runAsUser: 2
  runAsNonRoot: true
kind: Pod
spec:
  containers:
    - name: app
      image: app:1
      securityContext:
        <<: [*base, *strict]
`;
    const [container] = parseManifests(text, FILE);
    expect(container!.container.runAsUser).toEqual({ value: 1n, line: 2 });
    expect(container!.container.runAsNonRoot).toEqual({ value: true, line: 5 });
  });
});

describe('a manifest kubectl would refuse is an input error naming file, line, column and what was expected', () => {
  const SYNTAX_HINT =
    'Every document of a manifest file must be valid YAML, as `kubectl apply` reads it.';
  const SHAPE_HINT =
    'A pod spec holds a list of containers, each a mapping with name and image, as `kubectl apply` expects.';

  it.each([
    [
      'a syntax error',
      'kind: Pod\nspec:\n  containers: [\n    - name: app\n',
      'deploy/app.yaml:4:5: YAML syntax error: Block collections are not allowed within flow collections',
      SYNTAX_HINT,
    ],
    [
      'a syntax error in a later document',
      'kind: Service\n---\nkind: Pod\nspec:\n\tcontainers: []\n',
      'deploy/app.yaml:5:1: YAML syntax error: Tabs are not allowed as indentation',
      SYNTAX_HINT,
    ],
    [
      'a duplicate key',
      'kind: Pod\nspec:\n  containers:\n    - name: app\n      image: app:1\n      image: app:2\n',
      'deploy/app.yaml:6:7: YAML syntax error: Map keys must be unique',
      SYNTAX_HINT,
    ],
    [
      'an alias without an anchor',
      'kind: Pod\nspec:\n  containers:\n    - *app\n',
      'deploy/app.yaml:4:7: YAML error: unknown alias *app (an anchor &app must come before it)',
      SYNTAX_HINT,
    ],
    [
      'a merge key that merges no mapping',
      'kind: Pod\nspec:\n  <<: [1]\n  containers: []\n',
      'deploy/app.yaml:3:7: YAML error: a merge key (<<) takes a mapping or a list of mappings',
      SYNTAX_HINT,
    ],
    [
      'containers that are not a list',
      'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: {}\n',
      'deploy/app.yaml:7:19: Deployment "web": spec.template.spec.containers: expected a list of containers, found a mapping',
      SHAPE_HINT,
    ],
    [
      'no containers',
      'kind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n',
      'deploy/app.yaml:5:3: Pod "web": spec.containers: expected a list of containers, found nothing',
      SHAPE_HINT,
    ],
    [
      'initContainers that are not a list',
      'kind: Pod\nspec:\n  containers: []\n  initContainers: migrate\n',
      'deploy/app.yaml:4:19: Pod: spec.initContainers: expected a list of containers, found a string',
      SHAPE_HINT,
    ],
    [
      'a container that is not a mapping',
      'kind: Pod\nspec:\n  containers:\n    - name: app\n      image: app:1\n    - nginx\n',
      'deploy/app.yaml:6:7: Pod: spec.containers[1]: expected a container (a mapping with name and image), found a string',
      SHAPE_HINT,
    ],
    [
      'a workload without a pod template',
      'kind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec: 5\n',
      'deploy/app.yaml:6:11: CronJob "nightly": spec.jobTemplate.spec: expected a mapping, found a number',
      SHAPE_HINT,
    ],
    [
      'a List item without a pod spec',
      'kind: List\nitems:\n  - kind: Pod\n    metadata:\n      name: web\n',
      'deploy/app.yaml:3:5: Pod "web": items[0].spec: expected a mapping, found nothing',
      SHAPE_HINT,
    ],
  ])('%s', (_, text, message, hint) => {
    expect(error(text)).toEqual({ message, hint });
  });

  it('refuses a file over 16 MiB', () => {
    const text = `kind: ConfigMap\ndata:\n  big: "${'x'.repeat(16 * 1024 * 1024)}"\n`;
    expect(error(text)).toEqual({
      message: 'deploy/app.yaml: the manifest file is over 16777216 bytes',
      hint: 'Give the manifests of the workloads to check, not a generated dump of a cluster.',
    });
  });

  it('refuses more than 10000 documents', () => {
    expect(error('---\nkind: Service\n'.repeat(10_001))).toEqual({
      message: 'deploy/app.yaml: more than 10000 YAML documents',
      hint: 'Give the manifests of the workloads to check, not a generated dump of a cluster.',
    });
    expect(parseManifests('---\nkind: Service\n'.repeat(10_000), FILE)).toEqual([]);
  });

  it('refuses more than a million YAML nodes before building them', () => {
    expect(error(`kind: List\nitems:\n${'-\n'.repeat(1_000_000)}`)).toEqual({
      message: 'deploy/app.yaml: more than 1000000 YAML nodes',
      hint: 'Give the manifests of the workloads to check, not a generated dump of a cluster.',
    });
  });

  it('refuses aliases that expand past a million nodes (a YAML bomb)', () => {
    // 1000 workloads, each an alias of one with 1000 containers: a million containers from 12 kB.
    const containers = Array.from({ length: 1000 }, () => '*c').join(', ');
    const text = `x: &c {name: app, image: app:1}
pod: &pod
  kind: Pod
  spec:
    containers: [${containers}]
kind: List
items: [${Array.from({ length: 1000 }, () => '*pod').join(', ')}]
`;
    expect(error(text)).toEqual({
      message: 'deploy/app.yaml: aliases and merge keys expand to more than 1000000 nodes',
      hint: 'Kubernetes manifests need no such expansion; check where the file comes from.',
    });
  });

  it('refuses merge keys that merge themselves', () => {
    expect(error('kind: Pod\nspec: &spec\n  <<: *spec\n')).toEqual({
      message: 'deploy/app.yaml:3:3: YAML error: merge keys (<<) nest more than 20 deep',
      hint: SYNTAX_HINT,
    });
  });
});
