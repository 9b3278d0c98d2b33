/**
 * A stateful stand-in for the GitHub REST API, for tests that run the real
 * action bundle (Octokit through @actions/github, baseUrl from GITHUB_API_URL).
 *
 * GitHub cannot be reached from here, and a hand-written fake only proves
 * that our code agrees with our own idea of GitHub. So every request is
 * checked against GitHub's own OpenAPI description (@octokit/openapi,
 * api.github.com): an endpoint that does not exist, a path or query
 * parameter of the wrong type, an unknown query parameter or an invalid JSON
 * body is recorded in `violations` and answered with an error, so the test
 * fails. Our own answers are checked against the operation's response schema
 * too, so the fake bodies stay the shape the action will meet on GitHub.
 *
 * Past the schema, the behaviours the action depends on are modelled from
 * what GitHub really answers: 403 "Resource not accessible by integration"
 * for a read-only token (fork pull requests, Dependabot), 422 for a comment
 * body over 65536 characters, 422 for a review comment outside the diff,
 * pagination with a Link header, and injected faults (5xx, rate limits,
 * slow answers).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

// ---------------------------------------------------------------------------
// GitHub's OpenAPI description: loaded once per process, compiled per operation
// ---------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The description is 13 MB: read it only when a server first needs it. */
const DESCRIPTION_FILE = createRequire(import.meta.url).resolve(
  '@octokit/openapi/generated/api.github.com.json',
);

/** `$id` prefix under which component schemas are registered with Ajv. */
const COMPONENT_ID_BASE = 'https://nonroot-guard.test/github-openapi';

/** Keys holding data or prose, never subschemas: copied or dropped, never walked. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required', 'type', 'format']);
const PROSE_KEYWORDS = new Set(['description', 'example', 'examples', 'externalDocs', 'title']);

/**
 * 'request' schemas reject properties the description does not name:
 * GitHub ignores an unknown body field, which would hide a typo such as
 * `sid: 'RIGHT'` until a real pull request shows the comment on the wrong
 * side. Responses stay open, as GitHub adds fields over time.
 */
type SchemaMode = 'request' | 'response';

/**
 * Constraints GitHub enforces that its description leaves out: the review
 * comment `side` fields are typed as free strings there, but the API (like
 * the GraphQL DiffSide enum behind it) only takes LEFT and RIGHT.
 */
const SUPPLEMENTARY_BODY_SCHEMAS: Record<string, JsonObject> = {
  'pulls/create-review': {
    type: 'object',
    properties: {
      comments: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            side: { enum: ['LEFT', 'RIGHT'] },
            start_side: { enum: ['LEFT', 'RIGHT'] },
          },
        },
      },
    },
  },
};

interface ParameterSpec {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonObject;
}

interface Route {
  template: string;
  pattern: RegExp;
  parameterNames: string[];
  /** More literal segments win: `/issues/comments/{id}` over `/issues/{number}/…`. */
  literalSegments: number;
  pathItem: JsonObject;
}

interface CompiledOperation {
  operationId: string;
  template: string;
  documentationUrl: string;
  parameters: ParameterSpec[];
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateBody: ValidateFunction | null;
  bodyRequired: boolean;
  responses: JsonObject;
  responseValidators: Map<string, ValidateFunction | null>;
}

export interface OperationMatch {
  operation: CompiledOperation;
  /** Decoded path parameters, still strings. */
  rawPathParameters: Record<string, string>;
}

/** Milliseconds spent on the description: reading and parsing it, and compiling each operation. */
export interface DescriptionTimings {
  loadMs: number | null;
  compileMs: Record<string, number>;
}

const timings: DescriptionTimings = { loadMs: null, compileMs: {} };

/** How long loading GitHub's description and compiling its schemas took in this process. */
export function gitHubDescriptionTimings(): DescriptionTimings {
  return { loadMs: timings.loadMs, compileMs: { ...timings.compileMs } };
}

function formatSchemaErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  const all = errors ?? [];
  // A nullable field becomes anyOf [null, schema]: its "must be null" and
  // "must match a schema in anyOf" only repeat the real error beside them.
  const useful = all.filter(
    (error) =>
      !(error.keyword === 'type' && error.params['type'] === 'null') && error.keyword !== 'anyOf',
  );
  const messages = (useful.length > 0 ? useful : all).map((error) => {
    const at = `${where}${error.instancePath}`;
    switch (error.keyword) {
      case 'additionalProperties':
        return `${at} has a property the description does not know: "${String(error.params['additionalProperty'])}"`;
      case 'enum':
        return `${at} must be one of ${JSON.stringify(error.params['allowedValues'])}`;
      default:
        return `${at} ${error.message ?? 'is invalid'}`;
    }
  });
  return [...new Set(messages)];
}

class GitHubDescription {
  private readonly document: JsonObject;
  private readonly components: Record<string, JsonObject>;
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  private readonly registered = new Set<string>();
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor() {
    const started = performance.now();
    this.document = JSON.parse(readFileSync(DESCRIPTION_FILE, 'utf8')) as JsonObject;
    this.components = (this.document['components'] ?? {}) as Record<string, JsonObject>;
    this.routes = Object.entries((this.document['paths'] ?? {}) as Record<string, JsonObject>).map(
      ([template, pathItem]) => {
        const parameterNames: string[] = [];
        const source = template
          .split('/')
          .map((segment) =>
            segment
              .split(/(\{[^}]+\})/)
              .map((part) => {
                const parameter = /^\{([^}]+)\}$/.exec(part);
                if (!parameter) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                parameterNames.push(parameter[1]!);
                return '([^/]+)';
              })
              .join(''),
          )
          .join('/');
        return {
          template,
          pattern: new RegExp(`^${source}$`),
          parameterNames,
          literalSegments: template.split('/').filter((segment) => !segment.includes('{')).length,
          pathItem,
        };
      },
    );
    // strict: false because the description carries OpenAPI keywords Ajv does
    // not know (discriminator, x-github, readOnly…); `nullable` is rewritten
    // below instead, as Ajv's own support refuses `nullable` without `type`.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    ajvFormats.default(this.ajv);
    // Formats GitHub invents: documentation only, nothing to check.
    this.ajv.addFormat('repo.nwo', true);
    this.ajv.addFormat('timestamp', true);
    timings.loadMs = Math.round(performance.now() - started);
  }

  /** The operation for a method and a concrete path, or null when GitHub has no such endpoint. */
  match(method: string, path: string): OperationMatch | null {
    let best: { route: Route; values: string[] } | null = null;
    for (const route of this.routes) {
      if (!isObject(route.pathItem[method.toLowerCase()])) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      if (!best || route.literalSegments > best.route.literalSegments) {
        best = { route, values: found.slice(1) };
      }
    }
    if (!best) return null;
    const rawPathParameters: Record<string, string> = {};
    best.route.parameterNames.forEach((name, index) => {
      rawPathParameters[name] = decodeURIComponent(best.values[index] ?? '');
    });
    return { operation: this.operation(best.route, method.toLowerCase()), rawPathParameters };
  }

  /** Whether some method exists for this path: the message then says "wrong method", not "no endpoint". */
  knowsPath(path: string): string[] {
    return this.routes
      .filter((route) => route.pattern.test(path))
      .flatMap((route) =>
        Object.keys(route.pathItem).filter((key) =>
          ['get', 'post', 'put', 'patch', 'delete'].includes(key),
        ),
      )
      .map((method) => method.toUpperCase())
      .sort();
  }

  validateResponse(operation: CompiledOperation, status: number, body: unknown): string[] {
    const key = String(status);
    if (!operation.responseValidators.has(key)) {
      const response = this.resolve(operation.responses[key]);
      const content = isObject(response) ? response['content'] : undefined;
      const json = isObject(content) ? content['application/json'] : undefined;
      const schema = isObject(json) ? json['schema'] : undefined;
      operation.responseValidators.set(
        key,
        isObject(schema) ? this.compile(schema, 'response', operation.operationId) : null,
      );
    }
    const validate = operation.responseValidators.get(key);
    if (!validate || validate(body)) return [];
    return formatSchemaErrors(validate.errors, `response ${status} body`);
  }

  /** Validates a webhook payload against `components.schemas[name]` (e.g. webhook-pull-request-opened). */
  validateComponent(name: string, value: unknown): string[] {
    const validate = this.ajv.getSchema(this.componentId(name, 'response'));
    if (!validate) throw new Error(`GitHub's description has no schema ${name}`);
    if (validate(value)) return [];
    return formatSchemaErrors(validate.errors, name);
  }

  private operation(route: Route, method: string): CompiledOperation {
    const cacheKey = `${method} ${route.template}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    const started = performance.now();
    const definition = route.pathItem[method] as JsonObject;
    const operationId = String(definition['operationId'] ?? cacheKey);
    const parameters = [
      ...((route.pathItem['parameters'] as unknown[] | undefined) ?? []),
      ...((definition['parameters'] as unknown[] | undefined) ?? []),
    ].map((parameter) => this.resolve(parameter) as ParameterSpec);
    const parameterSchema = (location: string, closed: boolean): JsonObject => {
      const selected = parameters.filter((parameter) => parameter.in === location);
      return {
        type: 'object',
        properties: Object.fromEntries(
          selected.map((parameter) => [parameter.name, parameter.schema ?? {}]),
        ),
        required: selected.filter((parameter) => parameter.required).map(({ name }) => name),
        ...(closed ? { additionalProperties: false } : {}),
      };
    };
    const requestBody = this.resolve(definition['requestBody']);
    const content = isObject(requestBody) ? requestBody['content'] : undefined;
    const jsonContent = isObject(content) ? content['application/json'] : undefined;
    const bodySchema = isObject(jsonContent) ? jsonContent['schema'] : undefined;
    const supplement = SUPPLEMENTARY_BODY_SCHEMAS[operationId];
    const externalDocs = definition['externalDocs'];
    const compiled: CompiledOperation = {
      operationId,
      template: route.template,
      documentationUrl:
        isObject(externalDocs) && typeof externalDocs['url'] === 'string'
          ? externalDocs['url']
          : 'https://docs.github.com/rest',
      parameters,
      validatePath: this.compile(parameterSchema('path', false), 'request', operationId),
      validateQuery: this.compile(parameterSchema('query', true), 'request', operationId),
      validateBody: isObject(bodySchema)
        ? this.compile(
            supplement ? mergeSchemas(bodySchema, supplement) : bodySchema,
            'request',
            operationId,
          )
        : null,
      bodyRequired: isObject(requestBody) && requestBody['required'] === true,
      responses: isObject(definition['responses']) ? definition['responses'] : {},
      responseValidators: new Map(),
    };
    this.compiled.set(cacheKey, compiled);
    timings.compileMs[operationId] = Math.round(performance.now() - started);
    return compiled;
  }

  private compile(schema: JsonObject, mode: SchemaMode, operationId: string): ValidateFunction {
    const started = performance.now();
    const validate = this.ajv.compile(this.prepare(schema, mode) as JsonObject);
    const spent = performance.now() - started;
    timings.compileMs[operationId] = Math.round((timings.compileMs[operationId] ?? 0) + spent);
    return validate;
  }

  /** Follows a local `$ref` (#/components/parameters/…, responses, requestBodies). */
  private resolve(value: unknown): unknown {
    let current = value;
    for (let depth = 0; isObject(current) && typeof current['$ref'] === 'string'; depth++) {
      if (depth > 10) throw new Error(`$ref loop at ${String(current['$ref'])}`);
      const pointer = current['$ref'].replace(/^#\//, '').split('/');
      let target: unknown = this.document;
      for (const part of pointer) {
        target = isObject(target)
          ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined;
      }
      current = target;
    }
    return current;
  }

  private componentId(name: string, mode: SchemaMode): string {
    const id = `${COMPONENT_ID_BASE}/${mode}/${encodeURIComponent(name)}`;
    if (!this.registered.has(id)) {
      const schemas = this.components['schemas'] as Record<string, unknown> | undefined;
      const schema = schemas?.[name];
      if (!isObject(schema)) throw new Error(`GitHub's description has no schema ${name}`);
      // Registered before preparing, so a schema that refers to itself ends.
      this.registered.add(id);
      this.ajv.addSchema({ ...(this.prepare(schema, mode) as JsonObject), $id: id });
    }
    return id;
  }

  /**
   * Turns an OpenAPI 3.0 schema (the description says openapi 3.0.3) into
   * JSON Schema for Ajv: `nullable: true` becomes a null type (or an anyOf
   * with null when there is no type), component `$ref`s point at
   * separately registered schemas so only what an operation reaches gets
   * compiled, and a `discriminator`'s oneOf becomes anyOf (Ajv's
   * discriminator cannot read GitHub's mapping, and private-user is a
   * superset of public-user, so both branches match).
   */
  private prepare(node: unknown, mode: SchemaMode): unknown {
    if (Array.isArray(node)) return node.map((item) => this.prepare(item, mode));
    if (!isObject(node)) return node;
    const reference = node['$ref'];
    if (typeof reference === 'string') {
      const component = /^#\/components\/schemas\/(.+)$/.exec(reference);
      if (!component) throw new Error(`unexpected $ref in a schema: ${reference}`);
      return { $ref: this.componentId(component[1]!, mode) };
    }
    const prepared: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (PROSE_KEYWORDS.has(key) || key === 'nullable' || key === 'discriminator') continue;
      if (DATA_KEYWORDS.has(key)) prepared[key] = value;
      else if ((key === 'properties' || key === 'patternProperties') && isObject(value)) {
        // The keys here are property names (a label has one called "description").
        prepared[key] = Object.fromEntries(
          Object.entries(value).map(([name, schema]) => [name, this.prepare(schema, mode)]),
        );
      } else prepared[key] = this.prepare(value, mode);
    }
    if (isObject(node['discriminator']) && Array.isArray(prepared['oneOf'])) {
      prepared['anyOf'] = prepared['oneOf'];
      delete prepared['oneOf'];
    }
    const isOpenObject =
      isObject(prepared['properties']) &&
      prepared['additionalProperties'] === undefined &&
      !prepared['allOf'] &&
      !prepared['anyOf'] &&
      !prepared['oneOf'];
    if (mode === 'request' && isOpenObject) prepared['additionalProperties'] = false;
    if (node['nullable'] !== true) return prepared;
    if (typeof prepared['type'] === 'string') {
      prepared['type'] = [prepared['type'], 'null'];
      if (Array.isArray(prepared['enum']) && !prepared['enum'].includes(null)) {
        prepared['enum'] = [...prepared['enum'], null];
      }
      return prepared;
    }
    return { anyOf: [{ type: 'null' }, prepared] };
  }
}

/**
 * Lays `extra` over `base` property by property. Not allOf: each branch of an
 * allOf would close its objects on its own and reject the other's properties.
 */
function mergeSchemas(base: JsonObject, extra: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    if (key === 'properties' && isObject(current) && isObject(value)) {
      merged[key] = Object.fromEntries(
        [...new Set([...Object.keys(current), ...Object.keys(value)])].map((name) => {
          const mine = current[name];
          const theirs = value[name];
          return [
            name,
            isObject(mine) && isObject(theirs) ? mergeSchemas(mine, theirs) : (theirs ?? mine),
          ];
        }),
      );
    } else if (key === 'items' && isObject(current) && isObject(value)) {
      merged[key] = mergeSchemas(current, value);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

let description: GitHubDescription | null = null;

function gitHubDescription(): GitHubDescription {
  description ??= new GitHubDescription();
  return description;
}

/** Query and path values arrive as strings; the schema says what they mean. */
function coerceParameter(value: string, schema: JsonObject | undefined): unknown {
  const type = schema?.['type'];
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'array') return value.split(',');
  return value;
}

// ---------------------------------------------------------------------------
// Accounts, tokens and the public types of the server
// ---------------------------------------------------------------------------

export interface GitHubAccount {
  login: string;
  /** Defaults to a stable number derived from the login (real ids for the known bots). */
  id?: number;
  type?: 'User' | 'Bot' | 'Organization';
}

export type AuthorAssociation =
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'MANNEQUIN'
  | 'MEMBER'
  | 'NONE'
  | 'OWNER';

export type PermissionLevel = 'none' | 'read' | 'write';

export interface TokenGrant {
  /**
   * 'installation': a GitHub App installation token, which is what a
   * workflow's GITHUB_TOKEN is; 'user': a personal access token.
   */
  kind: 'installation' | 'user';
  identity: GitHubAccount;
  /** The token's repository permissions; each defaults to 'write'. */
  permissions?: { issues?: PermissionLevel; pullRequests?: PermissionLevel };
}

/** The workflow token's identity on GitHub. */
export const ACTIONS_BOT: Readonly<Required<GitHubAccount>> = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
};

/** The tokens a server knows when none are given, for the usual scenarios. */
export const TEST_TOKENS = {
  /** GITHUB_TOKEN on a same-repository pull request: may comment and review. */
  installation: 'ghs_nonrootGuardTestInstallationWrite01',
  /** GITHUB_TOKEN on a fork pull request or a Dependabot run: read-only. */
  readOnly: 'ghs_nonrootGuardTestInstallationRead001',
  /** A personal access token of a human user. */
  user: 'github_pat_nonrootGuardTestUser_0000001',
} as const;

const DEFAULT_USER: Required<GitHubAccount> = { login: 'octocat', id: 583231, type: 'User' };

const DEFAULT_TOKEN_GRANTS: Record<string, TokenGrant> = {
  [TEST_TOKENS.installation]: {
    kind: 'installation',
    identity: ACTIONS_BOT,
    permissions: { issues: 'write', pullRequests: 'write' },
  },
  [TEST_TOKENS.readOnly]: {
    kind: 'installation',
    identity: ACTIONS_BOT,
    permissions: { issues: 'read', pullRequests: 'read' },
  },
  [TEST_TOKENS.user]: {
    kind: 'user',
    identity: DEFAULT_USER,
    permissions: { issues: 'write', pullRequests: 'write' },
  },
};

const KNOWN_ACCOUNT_IDS: Record<string, number> = {
  'github-actions[bot]': 41898282,
  'dependabot[bot]': 49699333,
  octocat: 583231,
};

function completeAccount(account: GitHubAccount): Required<GitHubAccount> {
  const type = account.type ?? (account.login.endsWith('[bot]') ? 'Bot' : 'User');
  const digest = createHash('sha256').update(account.login).digest();
  const id =
    account.id ??
    KNOWN_ACCOUNT_IDS[account.login] ??
    1_000_000 + (digest.readUInt32BE(0) % 90_000_000);
  return { login: account.login, id, type };
}

export interface RecordedRequest {
  method: string;
  /** The path without the query string, as sent (percent-encoded). */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** GitHub's operationId (e.g. "issues/create-comment"), or null for an unknown endpoint. */
  operationId: string | null;
  /** Login of the token's identity, or null when the token was missing or unknown. */
  login: string | null;
}

export interface RequestMatcher {
  /** HTTP method, any case; any method when absent. */
  method?: string;
  /** A string matches the path exactly; a RegExp is tested against the path. Any path when absent. */
  path?: string | RegExp;
}

export interface FaultSpec extends RequestMatcher {
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Replaces the default `message` of the error body. */
  message?: string;
  /** Replaces the whole error body. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Rate-limit headers as GitHub sends them: 'primary' has
   * x-ratelimit-remaining: 0 and x-ratelimit-reset; 'secondary' has
   * retry-after. A 429 defaults to 'primary'.
   */
  rateLimit?: 'primary' | 'secondary';
  /** Seconds in retry-after or until x-ratelimit-reset (default 1, to keep tests quick). */
  retryAfterSeconds?: number;
  /**
   * Apply the request first, then answer with the fault: what a client sees
   * when GitHub's proxy times out after the write happened (the comment
   * exists, yet the POST answered 502).
   */
  applyFirst?: boolean;
}

export interface DelaySpec extends RequestMatcher {
  ms: number;
  /** How many matching requests are delayed (default 1; Infinity for all). */
  times?: number;
}

export interface PullRequestFileSeed {
  filename: string;
  /** Unified diff hunks as GitHub gives them in `patch` (no file header); absent for binary files. */
  patch?: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousFilename?: string;
}

export interface PullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  headSha?: string;
  baseSha?: string;
  headRef?: string;
  baseRef?: string;
  title?: string;
  body?: string | null;
  /** Who opened it; defaults to octocat, or to the fork's owner for a fork. */
  author?: GitHubAccount;
  files?: PullRequestFileSeed[];
  /**
   * From a fork: the head repository is `{owner}/{repo}` of the fork
   * (`true`: a fork named like the base, owned by the author, who defaults
   * to "outside-contributor").
   */
  fork?: boolean | { owner: string; repo?: string };
  draft?: boolean;
  private?: boolean;
}

export interface IssueCommentSeed {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  author?: GitHubAccount;
  authorAssociation?: AuthorAssociation;
  createdAt?: Date;
}

export interface GitHubApiOptions {
  /** Token → grant. Defaults to the three TEST_TOKENS. */
  tokens?: Record<string, TokenGrant>;
  /** Added to every answer: a slow API. */
  latencyMs?: number;
  /** The clock for created_at/updated_at (defaults to real time). */
  now?: () => Date;
  /** Whether GitHub Actions may approve pull requests (the repository setting; GitHub's default is no). */
  actionsCanApprove?: boolean;
}

/** A JSON object as the API renders it. */
export type JsonBody = JsonObject;

export interface GitHubApi {
  /** Base URL (`http://127.0.0.1:PORT`): Octokit's baseUrl, the action's GITHUB_API_URL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Human-readable: every request GitHub's description rejects, every answer of ours it rejects. */
  readonly violations: string[];
  addRepository(owner: string, repo: string, options?: { private?: boolean }): void;
  addIssue(
    owner: string,
    repo: string,
    number: number,
    options?: { author?: GitHubAccount; title?: string },
  ): void;
  addPullRequest(seed: PullRequestSeed): void;
  /** Seeds a comment as GitHub would return it (by anyone, e.g. one forging our marker). */
  addIssueComment(seed: IssueCommentSeed): JsonBody;
  /** The issue's comments, oldest first, exactly as the API renders them. */
  issueComments(owner: string, repo: string, issueNumber: number): JsonBody[];
  /** Reviews of the pull request, as the API renders them. */
  reviews(owner: string, repo: string, pullNumber: number): JsonBody[];
  /** Review comments of the pull request (pending ones included), as the API renders them. */
  reviewComments(owner: string, repo: string, pullNumber: number): JsonBody[];
  /** The pull request as GET /repos/{owner}/{repo}/pulls/{n} renders it. */
  pullRequest(owner: string, repo: string, pullNumber: number): JsonBody;
  /** A `pull_request` event payload for the seeded pull request, checked against GitHub's webhook schema. */
  pullRequestEvent(
    owner: string,
    repo: string,
    pullNumber: number,
    options?: PullRequestEventOptions,
  ): JsonBody;
  failNext(fault: FaultSpec): void;
  delayNext(delay: DelaySpec): void;
  close(): Promise<void>;
}

export interface PullRequestEventOptions {
  action?: 'opened' | 'synchronize' | 'reopened';
  /** Who triggered it; defaults to the pull request's author. */
  sender?: GitHubAccount;
  /** For 'synchronize': the head before the push (defaults to the base sha). */
  before?: string;
}

// ---------------------------------------------------------------------------
// Diff parsing: which lines of a seeded patch a review comment may target
// ---------------------------------------------------------------------------

export type DiffSide = 'LEFT' | 'RIGHT';

export interface PatchLine {
  text: string;
  kind: 'context' | 'added' | 'removed' | 'hunk' | 'meta';
  oldLine: number | null;
  newLine: number | null;
  /** GitHub's `position`: lines below the first hunk header, later headers counted. */
  position: number;
  hunk: number;
}

/** Parses the hunks of a `patch`; throws for text that is not one (a mistake in a seed). */
export function parsePatch(patch: string): PatchLine[] {
  const lines: PatchLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  let hunk = -1;
  const rows = patch.endsWith('\n') ? patch.slice(0, -1).split('\n') : patch.split('\n');
  rows.forEach((text, index) => {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    // The first header is position 0: "the line just below the @@ line is position 1".
    const position = index;
    if (header) {
      hunk++;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      lines.push({ text, kind: 'hunk', oldLine: null, newLine: null, position, hunk });
      return;
    }
    if (hunk < 0)
      throw new Error(`patch line ${index + 1} comes before any @@ hunk header: ${text}`);
    const marker = text[0] ?? ' ';
    if (marker === '+') {
      lines.push({ text, kind: 'added', oldLine: null, newLine: newLine++, position, hunk });
    } else if (marker === '-') {
      lines.push({ text, kind: 'removed', oldLine: oldLine++, newLine: null, position, hunk });
    } else if (marker === '\\') {
      lines.push({ text, kind: 'meta', oldLine: null, newLine: null, position, hunk });
    } else {
      lines.push({ text, kind: 'context', oldLine: oldLine++, newLine: newLine++, position, hunk });
    }
  });
  return lines;
}

/** The diff line a comment on `line` of `side` lands on, if that line is in the diff. */
function findDiffLine(lines: PatchLine[], side: DiffSide, line: number): PatchLine | undefined {
  return lines.find((candidate) =>
    side === 'RIGHT'
      ? candidate.newLine === line && candidate.kind !== 'removed'
      : candidate.oldLine === line && candidate.kind !== 'added',
  );
}

/** Rails' to_sentence, which GitHub uses to join a review's errors into one string. */
function toSentence(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
}

type ReviewCommentAnchor = Pick<
  ReviewCommentState,
  'path' | 'line' | 'side' | 'startLine' | 'startSide' | 'position' | 'diffHunk'
>;

/**
 * Where a review comment lands in the file's diff, or GitHub's errors when it
 * cannot: the path must be one of the pull request's files, `line` (or the
 * legacy `position`) must be a line of the diff on its side, and a
 * `start_line` must be an earlier line of the same hunk.
 */
function anchorReviewComment(
  file: FileState | undefined,
  comment: JsonObject,
): ReviewCommentAnchor | { errors: string[] } {
  if (!file) return { errors: ['Path could not be resolved'] };
  const side = (comment['side'] ?? 'RIGHT') as DiffSide;
  let target: PatchLine | undefined;
  if (typeof comment['line'] === 'number') {
    target = findDiffLine(file.lines, side, comment['line']);
  } else if (typeof comment['position'] === 'number') {
    target = file.lines.find(
      (line) =>
        line.position === comment['position'] && line.kind !== 'hunk' && line.kind !== 'meta',
    );
  } else {
    return { errors: ["Pull request review thread line can't be blank"] };
  }
  const errors: string[] = [];
  if (!target) errors.push('Pull request review thread line must be part of the diff');
  const startSide = (comment['start_side'] ?? side) as DiffSide;
  let start: PatchLine | undefined;
  if (typeof comment['start_line'] === 'number') {
    start = findDiffLine(file.lines, startSide, comment['start_line']);
    if (!start || !target || start.hunk !== target.hunk) {
      errors.push(
        'Pull request review thread start line must be part of the same hunk as the line.',
      );
    } else if (start.position >= target.position) {
      errors.push('Pull request review thread start line must precede the end line.');
    }
  }
  if (!target) errors.push("Pull request review thread diff hunk can't be blank");
  if (!target || errors.length > 0) return { errors };
  // A legacy `position` on a removed line is a comment on the old file.
  const resolvedSide: DiffSide = target.kind === 'removed' ? 'LEFT' : side;
  const lineOn = (line: PatchLine, on: DiffSide) => (on === 'LEFT' ? line.oldLine : line.newLine);
  return {
    path: file.filename,
    line: lineOn(target, resolvedSide) ?? 0,
    side: resolvedSide,
    startLine: start ? lineOn(start, startSide) : null,
    startSide: start ? startSide : null,
    position: target.position,
    // GitHub's diff_hunk: the hunk from its header down to the commented line.
    diffHunk: file.lines
      .filter((line) => line.hunk === target.hunk && line.position <= target.position)
      .map((line) => line.text)
      .join('\n'),
  };
}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

interface RepositoryState {
  owner: Required<GitHubAccount>;
  name: string;
  id: number;
  private: boolean;
  fork: boolean;
  createdAt: string;
  issues: Map<number, IssueState>;
}

interface IssueState {
  number: number;
  title: string;
  author: Required<GitHubAccount>;
  pullRequest: PullRequestState | null;
  comments: IssueCommentState[];
}

interface IssueCommentState {
  id: number;
  issueNumber: number;
  body: string;
  author: Required<GitHubAccount>;
  association: AuthorAssociation;
  createdAt: string;
  updatedAt: string;
}

interface FileState {
  filename: string;
  status: NonNullable<PullRequestFileSeed['status']>;
  patch: string | undefined;
  previousFilename: string | undefined;
  lines: PatchLine[];
}

interface ReviewState {
  id: number;
  author: Required<GitHubAccount>;
  body: string;
  state: 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED';
  commitId: string;
  submittedAt: string | null;
}

interface ReviewCommentState {
  id: number;
  reviewId: number;
  author: Required<GitHubAccount>;
  body: string;
  path: string;
  line: number;
  side: DiffSide;
  startLine: number | null;
  startSide: DiffSide | null;
  position: number;
  diffHunk: string;
  commitId: string;
  createdAt: string;
}

interface PullRequestState {
  id: number;
  number: number;
  title: string;
  body: string | null;
  author: Required<GitHubAccount>;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  headRepository: RepositoryState;
  draft: boolean;
  createdAt: string;
  files: FileState[];
  reviews: ReviewState[];
  reviewComments: ReviewCommentState[];
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface HandlerContext {
  grant: TokenGrant & { identity: Required<GitHubAccount> };
  parameters: Record<string, unknown>;
  body: unknown;
  documentationUrl: string;
  /** Absolute URL of this request, for Link headers. */
  requestUrl: URL;
}

const MAX_COMMENT_LENGTH = 65536;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

const FAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** GitHub's newer global ids: a type prefix and an opaque base64url part. */
function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`nonroot-guard:${id}`).toString('base64url')}`;
}

/** GitHub's legacy ids for accounts, e.g. MDQ6VXNlcjU4MzIzMQ== for "04:User583231". */
function accountNodeId(account: Required<GitHubAccount>): string {
  const kind =
    account.type === 'Bot'
      ? '03:Bot'
      : account.type === 'Organization'
        ? '012:Organization'
        : '04:User';
  return Buffer.from(`${kind}${account.id}`).toString('base64');
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

/** Starts the stand-in on 127.0.0.1 with an ephemeral port. */
export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const api = new FakeGitHub(options);
  await api.listen();
  return api;
}

class FakeGitHub implements GitHubApi {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  private readonly repositories = new Map<string, RepositoryState>();
  private readonly tokens: Record<string, TokenGrant>;
  private readonly faults: (FaultSpec & { remaining: number })[] = [];
  private readonly delays: (DelaySpec & { remaining: number })[] = [];
  private readonly server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => {
      this.violations.push(
        `${request.method} ${request.url}: the stand-in failed: ${String(error)}`,
      );
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  private nextId = {
    repository: 100_000_001,
    pull: 2_000_000_001,
    comment: 3_000_000_001,
    review: 4_000_000_001,
    reviewComment: 5_000_000_001,
  };
  private rateLimitRemaining = 5000;

  constructor(private readonly options: GitHubApiOptions) {
    this.tokens = options.tokens ?? DEFAULT_TOKEN_GRANTS;
  }

  async listen(): Promise<void> {
    // Load the description before the first request, so a test's first
    // call is not the one that pays for parsing 13 MB.
    gitHubDescription();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    // Octokit keeps connections alive; close them or close() waits for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- seeding and reading state -------------------------------------------

  addRepository(owner: string, repo: string, options: { private?: boolean } = {}): void {
    this.ensureRepository(owner, repo, { private: options.private ?? false, fork: false });
  }

  addIssue(
    owner: string,
    repo: string,
    number: number,
    options: { author?: GitHubAccount; title?: string } = {},
  ): void {
    const repository = this.ensureRepository(owner, repo, { private: false, fork: false });
    if (repository.issues.has(number)) throw new Error(`${owner}/${repo}#${number} already exists`);
    repository.issues.set(number, {
      number,
      title: options.title ?? `Issue ${number}`,
      author: completeAccount(options.author ?? DEFAULT_USER),
      pullRequest: null,
      comments: [],
    });
  }

  addPullRequest(seed: PullRequestSeed): void {
    const base = this.ensureRepository(seed.owner, seed.repo, {
      private: seed.private ?? false,
      fork: false,
    });
    if (base.issues.has(seed.number))
      throw new Error(`${seed.owner}/${seed.repo}#${seed.number} already exists`);
    const fork =
      seed.fork === true
        ? { owner: seed.author?.login ?? 'outside-contributor' }
        : seed.fork || null;
    const author = completeAccount(seed.author ?? (fork ? { login: fork.owner } : DEFAULT_USER));
    const headRepository = fork
      ? this.ensureRepository(fork.owner, fork.repo ?? seed.repo, { private: false, fork: true })
      : base;
    const files = (seed.files ?? []).map((file): FileState => {
      try {
        return {
          filename: file.filename,
          status: file.status ?? 'modified',
          patch: file.patch,
          previousFilename: file.previousFilename,
          lines: file.patch === undefined ? [] : parsePatch(file.patch),
        };
      } catch (error) {
        throw new Error(`seeded patch of ${file.filename}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    });
    const pullRequest: PullRequestState = {
      id: this.nextId.pull++,
      number: seed.number,
      title: seed.title ?? `Pull request ${seed.number}`,
      body: seed.body === undefined ? null : seed.body,
      author,
      headSha: seed.headSha ?? sha1(`head ${seed.owner}/${seed.repo}#${seed.number}`),
      baseSha: seed.baseSha ?? sha1(`base ${seed.owner}/${seed.repo}#${seed.number}`),
      headRef: seed.headRef ?? `feature-${seed.number}`,
      baseRef: seed.baseRef ?? 'main',
      headRepository,
      draft: seed.draft ?? false,
      createdAt: this.now(),
      files,
      reviews: [],
      reviewComments: [],
    };
    base.issues.set(seed.number, {
      number: seed.number,
      title: pullRequest.title,
      author,
      pullRequest,
      comments: [],
    });
  }

  addIssueComment(seed: IssueCommentSeed): JsonBody {
    const repository = this.repository(seed.owner, seed.repo);
    const issue = repository?.issues.get(seed.issueNumber);
    if (!repository || !issue) {
      throw new Error(
        `seed ${seed.owner}/${seed.repo}#${seed.issueNumber} before commenting on it`,
      );
    }
    const when = seed.createdAt ? timestamp(seed.createdAt) : this.now();
    const comment: IssueCommentState = {
      id: this.nextId.comment++,
      issueNumber: issue.number,
      body: seed.body,
      author: completeAccount(seed.author ?? DEFAULT_USER),
      association: seed.authorAssociation ?? 'NONE',
      createdAt: when,
      updatedAt: when,
    };
    issue.comments.push(comment);
    return this.renderIssueComment(repository, issue, comment);
  }

  issueComments(owner: string, repo: string, issueNumber: number): JsonBody[] {
    const { repository, issue } = this.requireIssue(owner, repo, issueNumber);
    return issue.comments.map((comment) => this.renderIssueComment(repository, issue, comment));
  }

  reviews(owner: string, repo: string, pullNumber: number): JsonBody[] {
    const { repository, pullRequest } = this.requirePullRequest(owner, repo, pullNumber);
    return pullRequest.reviews.map((review) => this.renderReview(repository, pullRequest, review));
  }

  reviewComments(owner: string, repo: string, pullNumber: number): JsonBody[] {
    const { repository, pullRequest } = this.requirePullRequest(owner, repo, pullNumber);
    return pullRequest.reviewComments.map((comment) =>
      this.renderReviewComment(repository, pullRequest, comment),
    );
  }

  pullRequest(owner: string, repo: string, pullNumber: number): JsonBody {
    const { repository, pullRequest } = this.requirePullRequest(owner, repo, pullNumber);
    return this.renderPullRequest(repository, pullRequest);
  }

  pullRequestEvent(
    owner: string,
    repo: string,
    pullNumber: number,
    options: PullRequestEventOptions = {},
  ): JsonBody {
    const { repository, pullRequest } = this.requirePullRequest(owner, repo, pullNumber);
    const action = options.action ?? 'opened';
    // Event payloads carry github.com URLs: the runner writes what GitHub sent.
    const payload: JsonBody = {
      action,
      number: pullRequest.number,
      ...(action === 'synchronize'
        ? { before: options.before ?? pullRequest.baseSha, after: pullRequest.headSha }
        : {}),
      pull_request: {
        ...this.renderPullRequest(repository, pullRequest, 'https://api.github.com'),
        allow_auto_merge: false,
        delete_branch_on_merge: false,
        use_squash_pr_title_as_default: false,
      },
      repository: this.renderRepository(repository, 'https://api.github.com'),
      sender: this.renderAccount(
        completeAccount(options.sender ?? pullRequest.author),
        'https://api.github.com',
      ),
    };
    const problems = gitHubDescription().validateComponent(
      `webhook-pull-request-${action}`,
      payload,
    );
    if (problems.length > 0) {
      throw new Error(
        `the pull_request event payload breaks GitHub's webhook schema:\n${problems.join('\n')}`,
      );
    }
    return payload;
  }

  failNext(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  delayNext(delay: DelaySpec): void {
    this.delays.push({ ...delay, remaining: delay.times ?? 1 });
  }

  private now(): string {
    return timestamp(this.options.now?.() ?? new Date());
  }

  private repository(owner: string, repo: string): RepositoryState | undefined {
    // GitHub's owner and repository names are not case sensitive.
    return this.repositories.get(`${owner}/${repo}`.toLowerCase());
  }

  private ensureRepository(
    owner: string,
    repo: string,
    traits: { private: boolean; fork: boolean },
  ): RepositoryState {
    const existing = this.repository(owner, repo);
    if (existing) return existing;
    const created: RepositoryState = {
      owner: completeAccount({ login: owner }),
      name: repo,
      id: this.nextId.repository++,
      private: traits.private,
      fork: traits.fork,
      createdAt: this.now(),
      issues: new Map(),
    };
    this.repositories.set(`${owner}/${repo}`.toLowerCase(), created);
    return created;
  }

  private requireIssue(owner: string, repo: string, number: number) {
    const repository = this.repository(owner, repo);
    const issue = repository?.issues.get(number);
    if (!repository || !issue) throw new Error(`no seeded issue ${owner}/${repo}#${number}`);
    return { repository, issue };
  }

  private requirePullRequest(owner: string, repo: string, number: number) {
    const { repository, issue } = this.requireIssue(owner, repo, number);
    if (!issue.pullRequest)
      throw new Error(`${owner}/${repo}#${number} is an issue, not a pull request`);
    return { repository, pullRequest: issue.pullRequest };
  }

  // --- rendering, in GitHub's shapes ---------------------------------------

  private renderAccount(account: Required<GitHubAccount>, base = this.url): JsonBody {
    const api = `${base}/users/${encodeURIComponent(account.login)}`;
    const htmlName =
      account.type === 'Bot' ? `apps/${account.login.replace(/\[bot\]$/, '')}` : account.login;
    return {
      login: account.login,
      id: account.id,
      node_id: accountNodeId(account),
      avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `https://github.com/${encodePath(htmlName)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: account.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  private renderPrivateUser(account: Required<GitHubAccount>): JsonBody {
    return {
      ...this.renderAccount(account),
      user_view_type: 'private',
      name: account.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      notification_email: null,
      public_repos: this.repositoriesOwnedBy(account.login),
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2011-01-25T18:44:36Z',
      updated_at: this.now(),
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
  }

  private repositoriesOwnedBy(login: string): number {
    return [...this.repositories.values()].filter((repository) => repository.owner.login === login)
      .length;
  }

  private renderRepository(repository: RepositoryState, base = this.url): JsonBody {
    const fullName = `${repository.owner.login}/${repository.name}`;
    const api = `${base}/repos/${fullName}`;
    const openIssues = [...repository.issues.values()].length;
    return {
      id: repository.id,
      node_id: nodeId('R', repository.id),
      name: repository.name,
      full_name: fullName,
      private: repository.private,
      owner: this.renderAccount(repository.owner, base),
      html_url: `https://github.com/${fullName}`,
      description: null,
      fork: repository.fork,
      url: api,
      forks_url: `${api}/forks`,
      keys_url: `${api}/keys{/key_id}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      teams_url: `${api}/teams`,
      hooks_url: `${api}/hooks`,
      issue_events_url: `${api}/issues/events{/number}`,
      events_url: `${api}/events`,
      assignees_url: `${api}/assignees{/user}`,
      branches_url: `${api}/branches{/branch}`,
      tags_url: `${api}/tags`,
      blobs_url: `${api}/git/blobs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      trees_url: `${api}/git/trees{/sha}`,
      statuses_url: `${api}/statuses/{sha}`,
      languages_url: `${api}/languages`,
      stargazers_url: `${api}/stargazers`,
      contributors_url: `${api}/contributors`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      commits_url: `${api}/commits{/sha}`,
      git_commits_url: `${api}/git/commits{/sha}`,
      comments_url: `${api}/comments{/number}`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      contents_url: `${api}/contents/{+path}`,
      compare_url: `${api}/compare/{base}...{head}`,
      merges_url: `${api}/merges`,
      archive_url: `${api}/{archive_format}{/ref}`,
      downloads_url: `${api}/downloads`,
      issues_url: `${api}/issues{/number}`,
      pulls_url: `${api}/pulls{/number}`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      labels_url: `${api}/labels{/name}`,
      releases_url: `${api}/releases{/id}`,
      deployments_url: `${api}/deployments`,
      created_at: repository.createdAt,
      updated_at: repository.createdAt,
      pushed_at: repository.createdAt,
      git_url: `git://github.com/${fullName}.git`,
      ssh_url: `git@github.com:${fullName}.git`,
      clone_url: `https://github.com/${fullName}.git`,
      svn_url: `https://github.com/${fullName}`,
      homepage: null,
      size: 0,
      stargazers_count: 0,
      watchers_count: 0,
      language: 'Dockerfile',
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: openIssues,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: repository.private ? 'private' : 'public',
      forks: 0,
      open_issues: openIssues,
      watchers: 0,
      default_branch: 'main',
    };
  }

  private renderIssueComment(
    repository: RepositoryState,
    issue: IssueState,
    comment: IssueCommentState,
  ): JsonBody {
    const fullName = `${repository.owner.login}/${repository.name}`;
    const kind = issue.pullRequest ? 'pull' : 'issues';
    return {
      url: `${this.url}/repos/${fullName}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${fullName}/${kind}/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${fullName}/issues/${issue.number}`,
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      user: this.renderAccount(comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.association,
      body: comment.body,
      reactions: this.renderReactions(
        `${this.url}/repos/${fullName}/issues/comments/${comment.id}/reactions`,
      ),
      performed_via_github_app: null,
    };
  }

  private renderReactions(url: string): JsonBody {
    return {
      url,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    };
  }

  private renderPullRequest(
    repository: RepositoryState,
    pullRequest: PullRequestState,
    base = this.url,
  ): JsonBody {
    const fullName = `${repository.owner.login}/${repository.name}`;
    const api = `${base}/repos/${fullName}`;
    const html = `https://github.com/${fullName}/pull/${pullRequest.number}`;
    const issue = repository.issues.get(pullRequest.number);
    const lines = pullRequest.files.flatMap((file) => file.lines);
    const branch = (ref: string, sha: string, owner: RepositoryState): JsonBody => ({
      label: `${owner.owner.login}:${ref}`,
      ref,
      sha,
      user: this.renderAccount(owner.owner, base),
      repo: this.renderRepository(owner, base),
    });
    return {
      url: `${api}/pulls/${pullRequest.number}`,
      id: pullRequest.id,
      node_id: nodeId('PR', pullRequest.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${pullRequest.number}`,
      number: pullRequest.number,
      state: 'open',
      locked: false,
      title: pullRequest.title,
      user: this.renderAccount(pullRequest.author, base),
      body: pullRequest.body,
      created_at: pullRequest.createdAt,
      updated_at: pullRequest.createdAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      labels: [],
      milestone: null,
      draft: pullRequest.draft,
      commits_url: `${api}/pulls/${pullRequest.number}/commits`,
      review_comments_url: `${api}/pulls/${pullRequest.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${pullRequest.number}/comments`,
      statuses_url: `${api}/statuses/${pullRequest.headSha}`,
      head: branch(pullRequest.headRef, pullRequest.headSha, pullRequest.headRepository),
      base: branch(pullRequest.baseRef, pullRequest.baseSha, repository),
      _links: {
        self: { href: `${api}/pulls/${pullRequest.number}` },
        html: { href: html },
        issue: { href: `${api}/issues/${pullRequest.number}` },
        comments: { href: `${api}/issues/${pullRequest.number}/comments` },
        review_comments: { href: `${api}/pulls/${pullRequest.number}/comments` },
        review_comment: { href: `${api}/pulls/comments{/number}` },
        commits: { href: `${api}/pulls/${pullRequest.number}/commits` },
        statuses: { href: `${api}/statuses/${pullRequest.headSha}` },
      },
      // A fork's author has no write access; a branch in the repository needs it.
      author_association:
        pullRequest.headRepository !== repository
          ? 'CONTRIBUTOR'
          : pullRequest.author.login === repository.owner.login
            ? 'OWNER'
            : 'COLLABORATOR',
      auto_merge: null,
      active_lock_reason: null,
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: issue?.comments.length ?? 0,
      review_comments: pullRequest.reviewComments.length,
      maintainer_can_modify: pullRequest.headRepository !== repository,
      commits: 1,
      additions: lines.filter((line) => line.kind === 'added').length,
      deletions: lines.filter((line) => line.kind === 'removed').length,
      changed_files: pullRequest.files.length,
    };
  }

  private renderFile(pullRequest: PullRequestState, file: FileState): JsonBody {
    const head = `${pullRequest.headRepository.owner.login}/${pullRequest.headRepository.name}`;
    const additions = file.lines.filter((line) => line.kind === 'added').length;
    const deletions = file.lines.filter((line) => line.kind === 'removed').length;
    const path = encodePath(file.filename);
    return {
      sha: sha1(`${pullRequest.headSha}:${file.filename}`),
      filename: file.filename,
      status: file.status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${head}/blob/${pullRequest.headSha}/${path}`,
      raw_url: `https://github.com/${head}/raw/${pullRequest.headSha}/${path}`,
      contents_url: `${this.url}/repos/${head}/contents/${path}?ref=${pullRequest.headSha}`,
      ...(file.patch === undefined ? {} : { patch: file.patch }),
      ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
    };
  }

  private renderReview(
    repository: RepositoryState,
    pullRequest: PullRequestState,
    review: ReviewState,
  ): JsonBody {
    const fullName = `${repository.owner.login}/${repository.name}`;
    const html = `https://github.com/${fullName}/pull/${pullRequest.number}#pullrequestreview-${review.id}`;
    const pullUrl = `${this.url}/repos/${fullName}/pulls/${pullRequest.number}`;
    return {
      id: review.id,
      node_id: nodeId('PRR', review.id),
      user: this.renderAccount(review.author),
      body: review.body,
      state: review.state,
      html_url: html,
      pull_request_url: pullUrl,
      author_association: this.association(repository, review.author),
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
      commit_id: review.commitId,
    };
  }

  private renderReviewComment(
    repository: RepositoryState,
    pullRequest: PullRequestState,
    comment: ReviewCommentState,
  ): JsonBody {
    const fullName = `${repository.owner.login}/${repository.name}`;
    const url = `${this.url}/repos/${fullName}/pulls/comments/${comment.id}`;
    const html = `https://github.com/${fullName}/pull/${pullRequest.number}#discussion_r${comment.id}`;
    const pullUrl = `${this.url}/repos/${fullName}/pulls/${pullRequest.number}`;
    return {
      url,
      pull_request_review_id: comment.reviewId,
      id: comment.id,
      node_id: nodeId('PRRC', comment.id),
      diff_hunk: comment.diffHunk,
      path: comment.path,
      position: comment.position,
      original_position: comment.position,
      commit_id: comment.commitId,
      original_commit_id: comment.commitId,
      user: this.renderAccount(comment.author),
      body: comment.body,
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      html_url: html,
      pull_request_url: pullUrl,
      author_association: this.association(repository, comment.author),
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
      reactions: this.renderReactions(`${url}/reactions`),
      start_line: comment.startLine,
      original_start_line: comment.startLine,
      start_side: comment.startSide,
      line: comment.line,
      original_line: comment.line,
      side: comment.side,
      subject_type: 'line',
    };
  }

  private association(
    repository: RepositoryState,
    account: Required<GitHubAccount>,
  ): AuthorAssociation {
    return account.login === repository.owner.login ? 'OWNER' : 'NONE';
  }

  // --- request handling ----------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(request.url ?? '/', this.url);
    const path = requestUrl.pathname;
    const query = Object.fromEntries(requestUrl.searchParams);
    const rawBody = await readBody(request);
    const record: RecordedRequest = {
      method,
      path,
      query,
      body: undefined,
      status: 0,
      operationId: null,
      login: null,
    };
    this.requests.push(record);
    const where = `${method} ${path}${requestUrl.search}`;
    const send = async (answer: Answer, validateWith: CompiledOperation | null): Promise<void> => {
      if (validateWith && answer.body !== undefined) {
        for (const problem of gitHubDescription().validateResponse(
          validateWith,
          answer.status,
          answer.body,
        )) {
          this.violations.push(`${where} (${validateWith.operationId}): our ${problem}`);
        }
      }
      await this.wait(method, path);
      record.status = answer.status;
      this.rateLimitRemaining = Math.max(0, this.rateLimitRemaining - 1);
      response.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': randomUUID().toUpperCase(),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(this.rateLimitRemaining),
        'x-ratelimit-used': String(5000 - this.rateLimitRemaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...answer.headers,
      });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };

    let body: unknown;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
        record.body = body;
      } catch {
        record.body = rawBody;
        this.violations.push(`${where}: the body is not JSON: ${rawBody.slice(0, 200)}`);
        return send(errorBody(400, 'Problems parsing JSON', 'https://docs.github.com/rest'), null);
      }
    }

    const match = gitHubDescription().match(method, path);
    if (!match) {
      const methods = gitHubDescription().knowsPath(path);
      this.violations.push(
        methods.length > 0
          ? `${where}: GitHub has no ${method} for this path (only ${methods.join(', ')})`
          : `${where}: no such endpoint in GitHub's REST API description`,
      );
      return send(errorBody(404, 'Not Found', 'https://docs.github.com/rest'), null);
    }
    const { operation } = match;
    record.operationId = operation.operationId;

    // Path and query values are strings on the wire; coerce them as the
    // description types them, then validate.
    const schemaOf = (name: string, location: string) =>
      operation.parameters.find((parameter) => parameter.name === name && parameter.in === location)
        ?.schema;
    const pathParameters = Object.fromEntries(
      Object.entries(match.rawPathParameters).map(([name, value]) => [
        name,
        coerceParameter(value, schemaOf(name, 'path')),
      ]),
    );
    const queryParameters = Object.fromEntries(
      Object.entries(query).map(([name, value]) => [
        name,
        coerceParameter(value, schemaOf(name, 'query')),
      ]),
    );
    const pathProblems = operation.validatePath(pathParameters)
      ? []
      : formatSchemaErrors(operation.validatePath.errors, 'path parameters');
    const requestProblems = [
      ...(operation.validateQuery(queryParameters)
        ? []
        : formatSchemaErrors(operation.validateQuery.errors, 'query')),
      ...this.bodyProblems(operation, body),
    ];
    for (const problem of [...pathProblems, ...requestProblems]) {
      this.violations.push(`${where} (${operation.operationId}): ${problem}`);
    }

    const grant = this.authenticate(request.headers.authorization);
    record.login = grant?.identity.login ?? null;

    const fault = this.takeFault(method, path);
    if (fault && !fault.applyFirst) return send(this.faultAnswer(fault, operation), operation);

    if (pathProblems.length > 0) {
      // GitHub's router does not find /issues/abc/comments: a plain 404.
      return send(errorBody(404, 'Not Found', operation.documentationUrl), operation);
    }
    if (requestProblems.length > 0) {
      return send(
        errorBody(
          422,
          `Invalid request.\n\n${requestProblems.join('\n')}`,
          operation.documentationUrl,
        ),
        operation,
      );
    }
    if (!grant) {
      const message = request.headers.authorization ? 'Bad credentials' : 'Requires authentication';
      return send(errorBody(401, message, 'https://docs.github.com/rest'), operation);
    }
    const answer = this.dispatch(operation, {
      grant,
      parameters: { ...queryParameters, ...pathParameters },
      body,
      documentationUrl: operation.documentationUrl,
      requestUrl,
    });
    return send(fault ? this.faultAnswer(fault, operation) : answer, operation);
  }

  private bodyProblems(operation: CompiledOperation, body: unknown): string[] {
    if (body === undefined) {
      return operation.bodyRequired ? ['a JSON body is required'] : [];
    }
    if (!operation.validateBody) return ['this endpoint takes no body'];
    if (operation.validateBody(body)) return [];
    return formatSchemaErrors(operation.validateBody.errors, 'body');
  }

  private authenticate(header: string | undefined): HandlerContext['grant'] | null {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1];
    const grant = token === undefined ? undefined : this.tokens[token];
    return grant ? { ...grant, identity: completeAccount(grant.identity) } : null;
  }

  private matches(matcher: RequestMatcher, method: string, path: string): boolean {
    if (matcher.method && matcher.method.toUpperCase() !== method) return false;
    if (typeof matcher.path === 'string') return matcher.path === path;
    return matcher.path ? matcher.path.test(path) : true;
  }

  private takeFault(method: string, path: string): FaultSpec | null {
    const fault = this.faults.find(
      (candidate) => candidate.remaining > 0 && this.matches(candidate, method, path),
    );
    if (!fault) return null;
    fault.remaining--;
    return fault;
  }

  private async wait(method: string, path: string): Promise<void> {
    let ms = this.options.latencyMs ?? 0;
    const delay = this.delays.find(
      (candidate) => candidate.remaining > 0 && this.matches(candidate, method, path),
    );
    if (delay) {
      delay.remaining--;
      ms += delay.ms;
    }
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private faultAnswer(fault: FaultSpec, operation: CompiledOperation): Answer {
    const headers: Record<string, string> = {};
    const rateLimit = fault.rateLimit ?? (fault.status === 429 ? 'primary' : undefined);
    const seconds = fault.retryAfterSeconds ?? 1;
    let message =
      fault.message ?? FAULT_MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? 'Error';
    if (rateLimit === 'primary') {
      Object.assign(headers, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + seconds),
      });
      message = fault.message ?? 'API rate limit exceeded for installation ID 1.';
    } else if (rateLimit === 'secondary') {
      headers['retry-after'] = String(seconds);
      message =
        fault.message ??
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    }
    const answer =
      fault.body === undefined
        ? errorBody(fault.status, message, operation.documentationUrl)
        : { status: fault.status, body: fault.body };
    return { ...answer, headers: { ...headers, ...fault.headers } };
  }

  private dispatch(operation: CompiledOperation, context: HandlerContext): Answer {
    switch (operation.operationId) {
      case 'users/get-authenticated':
        return context.grant.kind === 'installation'
          ? errorBody(403, 'Resource not accessible by integration', context.documentationUrl)
          : { status: 200, body: this.renderPrivateUser(context.grant.identity) };
      case 'issues/list-comments':
        return this.listIssueComments(context);
      case 'issues/create-comment':
        return this.createIssueComment(context);
      case 'issues/update-comment':
        return this.updateIssueComment(context);
      case 'pulls/get':
        return this.withPullRequest(context, 'read', (repository, pullRequest) => ({
          status: 200,
          body: this.renderPullRequest(repository, pullRequest),
        }));
      case 'pulls/list-files':
        return this.withPullRequest(context, 'read', (_repository, pullRequest) =>
          this.paginate(
            context,
            pullRequest.files.map((file) => this.renderFile(pullRequest, file)),
          ),
        );
      case 'pulls/list-review-comments':
        return this.listReviewComments(context);
      case 'pulls/create-review':
        return this.withPullRequest(context, 'write', (repository, pullRequest) =>
          this.createReview(context, repository, pullRequest),
        );
      default:
        this.violations.push(
          `${operation.operationId} (${operation.template}) is a real endpoint the stand-in does not serve: add it to __tests__/helpers/github-api.ts`,
        );
        return errorBody(404, 'Not Found', context.documentationUrl);
    }
  }

  /**
   * Whether the token may do this. GitHub accepts an issue-comment write on a
   * pull request with either the issues or the pull-requests permission.
   */
  private permits(
    context: HandlerContext,
    scopes: ('issues' | 'pullRequests')[],
    level: 'read' | 'write',
  ): Answer | null {
    const rank = { none: 0, read: 1, write: 2 } as const;
    const granted = scopes.some(
      (scope) => rank[context.grant.permissions?.[scope] ?? 'write'] >= rank[level],
    );
    if (granted) return null;
    const message =
      context.grant.kind === 'installation'
        ? 'Resource not accessible by integration'
        : 'Resource not accessible by personal access token';
    return errorBody(403, message, context.documentationUrl);
  }

  private findIssue(context: HandlerContext) {
    const repository = this.repository(
      String(context.parameters['owner']),
      String(context.parameters['repo']),
    );
    const issue = repository?.issues.get(Number(context.parameters['issue_number']));
    return { repository, issue };
  }

  private listIssueComments(context: HandlerContext): Answer {
    const { repository, issue } = this.findIssue(context);
    if (!repository) return errorBody(404, 'Not Found', context.documentationUrl);
    const denied = this.permits(context, ['issues', 'pullRequests'], 'read');
    if (denied) return denied;
    if (!issue) return errorBody(404, 'Not Found', context.documentationUrl);
    const since = context.parameters['since'];
    const comments = issue.comments.filter(
      (comment) => typeof since !== 'string' || Date.parse(comment.updatedAt) >= Date.parse(since),
    );
    return this.paginate(
      context,
      comments.map((comment) => this.renderIssueComment(repository, issue, comment)),
    );
  }

  private createIssueComment(context: HandlerContext): Answer {
    const { repository, issue } = this.findIssue(context);
    if (!repository) return errorBody(404, 'Not Found', context.documentationUrl);
    const denied = this.permits(
      context,
      issue?.pullRequest ? ['issues', 'pullRequests'] : ['issues'],
      'write',
    );
    if (denied) return denied;
    if (!issue) return errorBody(404, 'Not Found', context.documentationUrl);
    const body = String((context.body as JsonObject)['body']);
    const tooLong = this.commentTooLong(body, context.documentationUrl);
    if (tooLong) return tooLong;
    const now = this.now();
    const comment: IssueCommentState = {
      id: this.nextId.comment++,
      issueNumber: issue.number,
      body,
      author: context.grant.identity,
      association: this.association(repository, context.grant.identity),
      createdAt: now,
      updatedAt: now,
    };
    issue.comments.push(comment);
    const rendered = this.renderIssueComment(repository, issue, comment);
    return { status: 201, body: rendered, headers: { location: String(rendered['url']) } };
  }

  private updateIssueComment(context: HandlerContext): Answer {
    const repository = this.repository(
      String(context.parameters['owner']),
      String(context.parameters['repo']),
    );
    if (!repository) return errorBody(404, 'Not Found', context.documentationUrl);
    const commentId = Number(context.parameters['comment_id']);
    const issue = [...repository.issues.values()].find((candidate) =>
      candidate.comments.some((comment) => comment.id === commentId),
    );
    const comment = issue?.comments.find((candidate) => candidate.id === commentId);
    const denied = this.permits(
      context,
      issue?.pullRequest ? ['issues', 'pullRequests'] : ['issues'],
      'write',
    );
    if (denied) return denied;
    if (!issue || !comment) return errorBody(404, 'Not Found', context.documentationUrl);
    if (comment.author.login !== context.grant.identity.login) {
      // An app token may not edit a comment it did not write.
      const message =
        context.grant.kind === 'installation'
          ? 'Resource not accessible by integration'
          : 'Resource not accessible by personal access token';
      return errorBody(403, message, context.documentationUrl);
    }
    const body = String((context.body as JsonObject)['body']);
    const tooLong = this.commentTooLong(body, context.documentationUrl);
    if (tooLong) return tooLong;
    comment.body = body;
    comment.updatedAt = this.now();
    return { status: 200, body: this.renderIssueComment(repository, issue, comment) };
  }

  /** GitHub counts characters (code points), not UTF-16 units or bytes. */
  private commentTooLong(body: string, documentationUrl: string): Answer | null {
    if (Array.from(body).length <= MAX_COMMENT_LENGTH) return null;
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
          },
        ],
        documentation_url: documentationUrl,
        status: '422',
      },
    };
  }

  private withPullRequest(
    context: HandlerContext,
    level: 'read' | 'write',
    then: (repository: RepositoryState, pullRequest: PullRequestState) => Answer,
  ): Answer {
    const repository = this.repository(
      String(context.parameters['owner']),
      String(context.parameters['repo']),
    );
    if (!repository) return errorBody(404, 'Not Found', context.documentationUrl);
    const denied = this.permits(context, ['pullRequests'], level);
    if (denied) return denied;
    const pullRequest = repository.issues.get(
      Number(context.parameters['pull_number']),
    )?.pullRequest;
    if (!pullRequest) return errorBody(404, 'Not Found', context.documentationUrl);
    return then(repository, pullRequest);
  }

  private listReviewComments(context: HandlerContext): Answer {
    return this.withPullRequest(context, 'read', (repository, pullRequest) => {
      // A pending review's comments are visible to their author only.
      const pending = new Set(
        pullRequest.reviews
          .filter(
            (review) =>
              review.state === 'PENDING' && review.author.login !== context.grant.identity.login,
          )
          .map((review) => review.id),
      );
      const since = context.parameters['since'];
      let comments = pullRequest.reviewComments.filter(
        (comment) =>
          !pending.has(comment.reviewId) &&
          (typeof since !== 'string' || Date.parse(comment.createdAt) >= Date.parse(since)),
      );
      // `direction` is ignored without `sort`, as documented.
      if (context.parameters['sort'] !== undefined && context.parameters['direction'] === 'desc') {
        comments = [...comments].reverse();
      }
      return this.paginate(
        context,
        comments.map((comment) => this.renderReviewComment(repository, pullRequest, comment)),
      );
    });
  }

  private createReview(
    context: HandlerContext,
    repository: RepositoryState,
    pullRequest: PullRequestState,
  ): Answer {
    const request = context.body === undefined ? {} : (context.body as JsonObject);
    const event = request['event'] as 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT' | undefined;
    const body = typeof request['body'] === 'string' ? request['body'] : '';
    const comments = (request['comments'] ?? []) as JsonObject[];
    const commitId =
      typeof request['commit_id'] === 'string' ? request['commit_id'] : pullRequest.headSha;
    const reject = (errors: string[]): Answer => ({
      status: 422,
      body: {
        message: 'Unprocessable Entity',
        errors: [toSentence([...new Set(errors)])],
        documentation_url: context.documentationUrl,
        status: '422',
      },
    });
    const isAuthor = context.grant.identity.login === pullRequest.author.login;
    if (event === 'APPROVE' && isAuthor) return reject(['Can not approve your own pull request']);
    if (event === 'REQUEST_CHANGES' && isAuthor) {
      return reject(['Can not request changes on your own pull request']);
    }
    if (
      event === 'APPROVE' &&
      context.grant.identity.login === ACTIONS_BOT.login &&
      !this.options.actionsCanApprove
    ) {
      return reject(['GitHub Actions is not permitted to approve pull requests.']);
    }
    if (event === 'REQUEST_CHANGES' && body.trim() === '') {
      return reject(['You need to leave a comment indicating the requested changes.']);
    }
    if (event === 'COMMENT' && body.trim() === '' && comments.length === 0) {
      return reject(["Body can't be blank"]);
    }
    if (commitId !== pullRequest.headSha && commitId !== pullRequest.baseSha) {
      return reject([`No commit found for SHA: ${commitId}`]);
    }

    const placed: ReviewCommentAnchor[] = [];
    const errors: string[] = [];
    for (const comment of comments) {
      const file = pullRequest.files.find((candidate) => candidate.filename === comment['path']);
      const anchored = anchorReviewComment(file, comment);
      if ('errors' in anchored) errors.push(...anchored.errors);
      else placed.push(anchored);
    }
    if (errors.length > 0) return reject(errors);

    const now = this.now();

    const state = (
      { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' } as const
    )[event ?? 'COMMENT'];
    const review: ReviewState = {
      id: this.nextId.review++,
      author: context.grant.identity,
      body,
      state: event === undefined ? 'PENDING' : state,
      commitId,
      submittedAt: event === undefined ? null : now,
    };
    pullRequest.reviews.push(review);
    placed.forEach((anchor, index) => {
      pullRequest.reviewComments.push({
        ...anchor,
        id: this.nextId.reviewComment++,
        reviewId: review.id,
        author: context.grant.identity,
        body: String(comments[index]?.['body']),
        commitId,
        createdAt: now,
      });
    });
    return { status: 200, body: this.renderReview(repository, pullRequest, review) };
  }

  /**
   * GitHub's pagination: `per_page` (default 30, at most 100) and `page`,
   * with a Link header naming prev/next/last/first on absolute URLs that keep
   * the request's other query parameters. One page needs no Link header.
   */
  private paginate(context: HandlerContext, items: JsonBody[]): Answer {
    const requested = Number(context.parameters['per_page'] ?? DEFAULT_PER_PAGE);
    const perPage =
      requested >= 1 ? Math.min(Math.floor(requested), MAX_PER_PAGE) : DEFAULT_PER_PAGE;
    const page = Math.max(1, Math.floor(Number(context.parameters['page'] ?? 1)) || 1);
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const pageUrl = (number: number): string => {
      const url = new URL(context.requestUrl.pathname + context.requestUrl.search, this.url);
      url.searchParams.set('page', String(number));
      return url.toString();
    };
    const links: string[] = [];
    if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
    if (page < lastPage) {
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
    }
    if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }
}

function errorBody(status: number, message: string, documentationUrl: string): Answer {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes an event payload where the runner puts it (GITHUB_EVENT_PATH) and returns the path. */
export async function writeEventFile(path: string, payload: JsonBody): Promise<string> {
  await writeFile(path, JSON.stringify(payload, null, 2));
  return path;
}
