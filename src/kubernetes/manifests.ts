import { INT64_MAX, INT64_MIN } from '../facts/accounts.js';
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Lexer,
  Parser,
  type Document,
  type ParsedNode,
  type YAMLMap,
} from 'yaml';
import { CheckError } from '../shared/errors.js';
import {
  WORKLOAD_KINDS,
  type ContainerList,
  type Located,
  type ManifestContainer,
  type MappingPosition,
  type PodVolume,
  type SecurityFields,
  type WorkloadKind,
} from './types.js';

/**
 * Kubernetes manifests read into the container model. The walk stays on the
 * YAML nodes (never toJS) so that every value keeps its line, aliases and
 * merge keys included.
 */

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const MAX_DOCUMENTS = 10_000;
/**
 * The yaml package holds about 1 kB per node, so dense YAML (`[*a, *a, …]`,
 * `-` lines) of 16 MiB would exhaust the heap before a check could refuse it.
 * A million nodes is some 7 MiB of real manifests.
 */
const MAX_YAML_NODES = 1_000_000;
/** The lexer tokens that become a node or a pair. */
const NODE_TOKENS: ReadonlySet<string> = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'map-value-ind',
  'explicit-key-ind',
]);
/** Aliases and merge keys make the walk read a node again for each use; past this it is a YAML bomb. */
const MAX_NODE_VISITS = 1_000_000;
/** Merge keys whose sources merge again; real manifests nest two or three. */
const MAX_MERGE_DEPTH = 20;

const POD_SPEC_PATH: Record<WorkloadKind, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS: readonly ContainerList[] = [
  'containers',
  'initContainers',
  'ephemeralContainers',
];

const BULK_HINT =
  'Give the manifests of the workloads to check, not a generated dump of a cluster.';
const SYNTAX_HINT =
  'Every document of a manifest file must be valid YAML, as `kubectl apply` reads it.';
const SHAPE_HINT =
  'A pod spec holds a list of containers, each a mapping with name and image, as `kubectl apply` expects.';

function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly unknown[]).includes(kind);
}

/** No node, or an empty value (`key:` or `key: null`). */
function isAbsent(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** What a node is, for "expected …, found …". */
function describeNode(node: ParsedNode | null): string {
  if (isAbsent(node)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const type = typeof (node as { value: unknown }).value;
  if (type === 'bigint') return 'a number';
  return type === 'string' || type === 'number' || type === 'boolean' ? `a ${type}` : 'a scalar';
}

/** A merge key (`<<`): the yaml package resolves it to a symbol, unlike a quoted "<<". */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** One workload as found in a document (a List contributes one per item). */
interface Workload {
  kind: WorkloadKind;
  name: string;
  root: YAMLMap;
  /** Where the workload sits in the document, for messages: '' or `items[2].`. */
  pathPrefix: string;
}

/** The explicit keys of a mapping and its merge key values, in order. */
interface MapIndex {
  explicit: Map<unknown, ParsedNode | null>;
  merges: ParsedNode[];
}

class ManifestFile {
  private readonly counter = new LineCounter();
  /** Each alias and the node it stands for (the last anchor of that name before it). */
  private readonly aliasTargets = new WeakMap<ParsedNode, ParsedNode>();
  /** Each value node and the key that holds it, for "the line of the key". */
  private readonly holders = new WeakMap<ParsedNode, ParsedNode>();
  private readonly indexes = new WeakMap<YAMLMap, MapIndex>();
  private visits = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  read(): ManifestContainer[] {
    const containers: ManifestContainer[] = [];
    const composer = new Composer({
      // kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2): `privileged: yes` is true.
      version: '1.1',
      merge: true,
      // The yaml package compares every key with every other (quadratic); index() checks in one pass.
      uniqueKeys: false,
      // runAsUser is an int64: a JavaScript number would lose digits beyond 2^53.
      intAsBigInt: true,
    });
    let documentIndex = 0;
    // Streamed, so that a file of a million empty documents stops at the limit.
    for (const doc of composer.compose(new Parser(this.counter.addNewLine).parse(this.text))) {
      if (documentIndex === MAX_DOCUMENTS) {
        this.fail(this.file, `more than ${MAX_DOCUMENTS} YAML documents`, BULK_HINT);
      }
      const syntax = doc.errors[0];
      if (syntax) {
        this.fail(
          this.where(syntax.pos[0]),
          `YAML syntax error: ${syntax.message.split('\n')[0]}`,
          SYNTAX_HINT,
        );
      }
      this.index(doc);
      for (const workload of this.workloads(doc)) {
        // One by one: a spread of half a million aliased containers overflows the call stack.
        for (const container of this.containersOf(workload, documentIndex)) {
          containers.push(container);
        }
      }
      documentIndex++;
    }
    return containers;
  }

  private where(offset: number): string {
    const { line, col } = this.counter.linePos(offset);
    return `${this.file}:${line}:${col}`;
  }

  private fail(where: string, message: string, hint: string): never {
    throw new CheckError('input', `${where}: ${message}`, hint);
  }

  private spend(): void {
    if (++this.visits > MAX_NODE_VISITS) {
      this.fail(
        this.file,
        `aliases and merge keys expand to more than ${MAX_NODE_VISITS} nodes`,
        'Kubernetes manifests need no such expansion; check where the file comes from.',
      );
    }
  }

  /**
   * One pass over the document in order: resolves every alias, records which
   * key holds each value, and refuses what kubectl would refuse (duplicate
   * keys, unknown aliases, merge keys that merge no mapping).
   */
  private index(doc: Document.Parsed): void {
    const anchors = new Map<string, ParsedNode>();
    const mergeValues: ParsedNode[] = [];
    const pending: unknown[] = [doc.contents];
    while (pending.length > 0) {
      const item = pending.pop();
      if (isPair(item)) {
        const key = item.key as ParsedNode | null;
        const value = item.value as ParsedNode | null;
        if (key && value) this.holders.set(value, key);
        if (isMergeKey(key) && value) mergeValues.push(value);
        pending.push(value, key);
        continue;
      }
      if (!isNode(item)) continue;
      const node = item as ParsedNode;
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) {
          this.fail(
            this.where(node.range[0]),
            `YAML error: unknown alias *${node.source} (an anchor &${node.source} must come before it)`,
            SYNTAX_HINT,
          );
        }
        this.aliasTargets.set(node, target);
        continue;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      if (isMap(node)) {
        const keys = new Set<unknown>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          if (keys.has(pair.key.value)) {
            this.fail(
              this.where(pair.key.range![0]),
              'YAML syntax error: Map keys must be unique',
              SYNTAX_HINT,
            );
          }
          keys.add(pair.key.value);
        }
      }
      if (isMap(node) || isSeq(node)) {
        for (let at = node.items.length - 1; at >= 0; at--) pending.push(node.items[at]);
      }
    }
    for (const value of mergeValues) {
      const source = this.resolve(value);
      const sources = isSeq(source) ? source.items.map((item) => this.resolve(item)) : [source];
      if (!sources.every((each) => isMap(each))) {
        this.fail(
          this.where(value.range[0]),
          'YAML error: a merge key (<<) takes a mapping or a list of mappings',
          SYNTAX_HINT,
        );
      }
    }
  }

  /** The node an alias stands for; any other node as is. */
  private resolve(node: unknown): ParsedNode | null {
    if (!isNode(node)) return null;
    if (!isAlias(node)) return node as ParsedNode;
    this.spend();
    return this.aliasTargets.get(node as ParsedNode) ?? null;
  }

  private indexOf(map: YAMLMap): MapIndex {
    let index = this.indexes.get(map);
    if (!index) {
      index = { explicit: new Map(), merges: [] };
      for (const pair of map.items) {
        const value = (pair.value as ParsedNode | null) ?? null;
        if (isMergeKey(pair.key)) {
          if (value) index.merges.push(value);
        } else if (isScalar(pair.key)) {
          index.explicit.set(pair.key.value, value);
        }
      }
      this.indexes.set(map, index);
    }
    return index;
  }

  /** The mappings a merge key's value brings in, earlier ones first. */
  private mergeSources(value: ParsedNode): YAMLMap[] {
    const source = this.resolve(value);
    const sources = isSeq(source) ? source.items.map((item) => this.resolve(item)) : [source];
    return sources.filter((each): each is YAMLMap<unknown, unknown> & ParsedNode => isMap(each));
  }

  /** Merge sources that merge again, this deep, are a loop (`&a {<<: *a}`) or a bomb. */
  private checkMergeDepth(map: YAMLMap, depth: number): void {
    if (depth < MAX_MERGE_DEPTH) return;
    this.fail(
      this.where((map as ParsedNode).range[0]),
      `YAML error: merge keys (<<) nest more than ${MAX_MERGE_DEPTH} deep`,
      SYNTAX_HINT,
    );
  }

  /** A key's value, its own before merged ones (as YAML merge keys define), aliases resolved; null when absent. */
  private get(map: YAMLMap, key: string, depth = 0): ParsedNode | null {
    const { explicit, merges } = this.indexOf(map);
    if (explicit.has(key)) return this.resolve(explicit.get(key));
    if (merges.length > 0) this.checkMergeDepth(map, depth);
    for (const merge of merges) {
      for (const source of this.mergeSources(merge)) {
        this.spend();
        const found = this.get(source, key, depth + 1);
        if (found) return found;
      }
    }
    return null;
  }

  /** The keys of a mapping in the order they are written, merged ones where their `<<` is. */
  private *keysOf(map: YAMLMap, depth = 0): Generator<unknown> {
    const { explicit, merges } = this.indexOf(map);
    if (merges.length === 0) {
      yield* explicit.keys();
      return;
    }
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) {
        if (isScalar(pair.key)) yield pair.key.value;
        continue;
      }
      this.checkMergeDepth(map, depth);
      for (const source of this.mergeSources(pair.value as ParsedNode)) {
        this.spend();
        yield* this.keysOf(source, depth + 1);
      }
    }
  }

  /** The items of a list, aliases resolved, each one counted against the expansion limit. */
  private itemsOf(seq: ParsedNode | null): (ParsedNode | null)[] {
    if (!isSeq(seq)) return [];
    return seq.items.map((item) => {
      this.spend();
      return this.resolve(item);
    });
  }

  /** Line of the key that holds a node, or of the node itself (a list item, the document). */
  private lineOf(node: ParsedNode): number {
    const anchor = this.holders.get(node) ?? node;
    return this.counter.linePos(anchor.range[0]).line;
  }

  private position(map: YAMLMap & ParsedNode): MappingPosition {
    const firstKey = map.items[0]?.key as ParsedNode | null | undefined;
    const keysAt = firstKey?.range[0] ?? map.range[0];
    return {
      line: this.lineOf(map),
      indent: this.counter.linePos(keysAt).col - 1,
      endLine: this.lastContentLine(map),
      flow: map.flow === true,
    };
  }

  /**
   * The last line with content: a block node's range runs on over trailing
   * blank lines and comments, so follow its last item down to a scalar,
   * alias or flow collection and step back over whitespace.
   */
  private lastContentLine(node: ParsedNode): number {
    let last: ParsedNode = node;
    for (;;) {
      if (!(isMap(last) || isSeq(last)) || last.flow || last.items.length === 0) break;
      const item = last.items[last.items.length - 1];
      const next = isPair(item) ? (item.value ?? item.key) : item;
      if (!isNode(next)) break;
      last = next as ParsedNode;
    }
    let end = last.range[1];
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    return this.counter.linePos(Math.max(end - 1, 0)).line;
  }

  private scalar<T>(
    map: YAMLMap,
    key: string,
    accept: (value: unknown) => value is T,
  ): Located<T> | undefined {
    const node = this.get(map, key);
    if (!isScalar(node) || !accept(node.value)) return undefined;
    return { value: node.value, line: this.lineOf(node) };
  }

  private boolean(map: YAMLMap, key: string): Located<boolean> | undefined {
    return this.scalar(map, key, (value) => typeof value === 'boolean');
  }

  /** An integer as kubectl takes it: `1000`, and also `1.0` or `1e3`, which reach the API server as 1 and 1000. */
  private integer(map: YAMLMap, key: string): Located<number> | undefined {
    const located = this.int64(map, key);
    if (
      !located ||
      located.value > Number.MAX_SAFE_INTEGER ||
      located.value < Number.MIN_SAFE_INTEGER
    ) {
      return undefined;
    }
    return { value: Number(located.value), line: located.line };
  }

  /** An int64 field, exact (integers are parsed as bigint); a float with an integer value counts. */
  private int64(map: YAMLMap, key: string): Located<bigint> | undefined {
    const located = this.scalar(
      map,
      key,
      (value): value is bigint | number =>
        (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) ||
        Number.isSafeInteger(value),
    );
    return located && { value: BigInt(located.value), line: located.line };
  }

  private string(map: YAMLMap, key: string): Located<string> | undefined {
    return this.scalar(map, key, (value) => typeof value === 'string');
  }

  private strings(map: YAMLMap, key: string): Located<string[]> | undefined {
    const node = this.get(map, key);
    if (!isSeq(node)) return undefined;
    const values = this.itemsOf(node).map((item) => (isScalar(item) ? item.value : undefined));
    if (!values.every((value) => typeof value === 'string')) return undefined;
    return { value: values, line: this.lineOf(node) };
  }

  /** The fields of a securityContext; only those its level has (the API server drops the others). */
  private security(owner: YAMLMap, level: 'pod' | 'container'): SecurityFields {
    const context = this.get(owner, 'securityContext');
    if (!isMap(context)) return { position: null };
    const fields: SecurityFields = { position: this.position(context) };
    const set = <K extends keyof SecurityFields>(key: K, value: SecurityFields[K] | undefined) => {
      if (value !== undefined) fields[key] = value;
    };
    set('runAsNonRoot', this.boolean(context, 'runAsNonRoot'));
    set('runAsUser', this.int64(context, 'runAsUser'));
    set('runAsGroup', this.int64(context, 'runAsGroup'));
    if (level === 'container') {
      set('allowPrivilegeEscalation', this.boolean(context, 'allowPrivilegeEscalation'));
      set('privileged', this.boolean(context, 'privileged'));
      const capabilities = this.get(context, 'capabilities');
      if (isMap(capabilities)) {
        const drop = this.strings(capabilities, 'drop');
        const add = this.strings(capabilities, 'add');
        fields.capabilities = {
          position: this.position(capabilities),
          ...(drop && { drop }),
          ...(add && { add }),
        };
      }
    }
    const seccomp = this.get(context, 'seccompProfile');
    if (isMap(seccomp)) {
      const type = this.string(seccomp, 'type');
      fields.seccompProfile = { position: this.position(seccomp), ...(type && { type }) };
    }
    return fields;
  }

  private volumes(spec: YAMLMap): PodVolume[] {
    const volumes: PodVolume[] = [];
    for (const item of this.itemsOf(this.get(spec, 'volumes'))) {
      if (!isMap(item)) continue;
      const name = this.get(item, 'name');
      if (!isScalar(name) || typeof name.value !== 'string') continue;
      let type: string | undefined;
      for (const key of this.keysOf(item)) {
        if (key === 'name' || typeof key !== 'string') continue;
        const source = this.get(item, key);
        if (!isAbsent(source)) {
          type = key;
          break;
        }
      }
      // The API server gives a volume without a source an emptyDir (SetDefaults_Volume).
      volumes.push({ name: name.value, type: type ?? 'emptyDir', line: this.lineOf(item) });
    }
    return volumes;
  }

  /** The workloads of a document: itself, or the items of a List. */
  private workloads(doc: Document.Parsed): Workload[] {
    const root = this.resolve(doc.contents);
    if (!isMap(root)) return [];
    const kind = this.scalar(root, 'kind', (value) => typeof value === 'string')?.value;
    if (isWorkloadKind(kind)) return [{ kind, name: this.nameOf(root), root, pathPrefix: '' }];
    if (!kind?.endsWith('List')) return [];
    // A typed list (DeploymentList) as the API returns it leaves the kind out of its items.
    const itemKind = kind.slice(0, -'List'.length);
    const workloads: Workload[] = [];
    this.itemsOf(this.get(root, 'items')).forEach((item, index) => {
      if (!isMap(item)) return;
      const own = this.scalar(item, 'kind', (value) => typeof value === 'string')?.value;
      const kindOfItem = own ?? itemKind;
      if (!isWorkloadKind(kindOfItem)) return;
      workloads.push({
        kind: kindOfItem,
        name: this.nameOf(item),
        root: item,
        pathPrefix: `items[${index}].`,
      });
    });
    return workloads;
  }

  private nameOf(root: YAMLMap): string {
    const metadata = this.get(root, 'metadata');
    return (isMap(metadata) && this.string(metadata, 'name')?.value) || '';
  }

  /** `found` is the wrong value, or null when absent: then the mapping that should hold it is blamed. */
  private shapeError(
    workload: Workload,
    found: ParsedNode | null,
    holder: ParsedNode,
    path: string,
    expected: string,
  ): never {
    const label = workload.name ? `${workload.kind} "${workload.name}"` : workload.kind;
    this.fail(
      this.where((found ?? holder).range[0]),
      `${label}: ${workload.pathPrefix}${path}: expected ${expected}, found ${describeNode(found)}`,
      SHAPE_HINT,
    );
  }

  /** The pod spec of a workload; one it cannot have is an error, as kubectl would refuse it. */
  private podSpec(workload: Workload): YAMLMap & ParsedNode {
    let node: ParsedNode = workload.root as YAMLMap & ParsedNode;
    const path: string[] = [];
    for (const key of POD_SPEC_PATH[workload.kind]) {
      path.push(key);
      const next = this.get(node as YAMLMap, key);
      if (!isMap(next)) this.shapeError(workload, next, node, path.join('.'), 'a mapping');
      node = next;
    }
    return node as YAMLMap & ParsedNode;
  }

  private containersOf(workload: Workload, document: number): ManifestContainer[] {
    const spec = this.podSpec(workload);
    const specPath = POD_SPEC_PATH[workload.kind].join('.');
    const hostUsers = this.boolean(spec, 'hostUsers');
    const pod: ManifestContainer['pod'] = {
      ...this.security(spec, 'pod'),
      spec: this.position(spec),
      ...(hostUsers && { hostUsers }),
      volumes: this.volumes(spec),
    };
    const containers: ManifestContainer[] = [];
    for (const list of CONTAINER_LISTS) {
      const items = this.get(spec, list);
      if (!isSeq(items)) {
        // Only `containers` is required; the other lists may be left out or empty.
        if (isAbsent(items) && list !== 'containers') continue;
        this.shapeError(workload, items, spec, `${specPath}.${list}`, 'a list of containers');
      }
      this.itemsOf(items).forEach((item, index) => {
        if (!isMap(item)) {
          this.shapeError(
            workload,
            item,
            items,
            `${specPath}.${list}[${index}]`,
            'a container (a mapping with name and image)',
          );
        }
        const image = this.string(item, 'image');
        // Without an image there is nothing to run (and kubectl refuses it).
        if (!image) return;
        containers.push({
          file: this.file,
          document,
          kind: workload.kind,
          workload: workload.name,
          list,
          name: this.string(item, 'name')?.value ?? '',
          position: this.position(item),
          image,
          ports: this.ports(item),
          container: this.security(item, 'container'),
          pod,
        });
      });
    }
    return containers;
  }

  private ports(container: YAMLMap): Located<number>[] {
    return this.itemsOf(this.get(container, 'ports')).flatMap((item) => {
      const port = isMap(item) ? this.integer(item, 'containerPort') : undefined;
      return port ? [port] : [];
    });
  }
}

/**
 * Every container of every workload (Pod, Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Job, CronJob, and Lists of them) in a manifest file; other
 * documents are skipped. Throws an input CheckError naming file:line:column
 * for YAML kubectl would refuse.
 */
export function parseManifests(text: string, file: string): ManifestContainer[] {
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    throw new CheckError(
      'input',
      `${file}: the manifest file is over ${MAX_MANIFEST_BYTES} bytes`,
      BULK_HINT,
    );
  }
  // The lexer alone holds no nodes: it counts them before the yaml package builds them.
  let nodes = 0;
  for (const token of new Lexer().lex(text)) {
    if (NODE_TOKENS.has(CST.tokenType(token) ?? '') && ++nodes > MAX_YAML_NODES) {
      throw new CheckError('input', `${file}: more than ${MAX_YAML_NODES} YAML nodes`, BULK_HINT);
    }
  }
  return new ManifestFile(text, file).read();
}
