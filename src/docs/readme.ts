import { parse } from 'yaml';
import * as z from 'zod/mini';
import { policyFileSchema } from '../policy/config.js';
import { USAGE } from '../cli/command-line.js';
import { ENVIRONMENT } from '../options/environment.js';
import { optionDefaults } from '../options/schemas.js';
import { performanceSection, type BenchResults } from './performance.js';
import { reliabilitySection, type HostileCase } from './reliability.js';
import { RULES } from '../policy/rules/index.js';
import { PRESETS, type RuleLevel } from '../policy/types.js';

/**
 * The README sections that are generated, never hand-edited: they come from
 * action.yml, the options schema and the rule registry, and a test fails when
 * the README drifts from them (`npm run docs` rewrites them).
 */

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();
}

function defaultText(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : `\`${value.join(', ')}\``;
  return `\`${String(value)}\``;
}

export function inputsTable(actionYml: string): string {
  const action = parse(actionYml) as ActionMetadata;
  const defaults = optionDefaults();
  const rows = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${defaultText(input.default ?? defaults[name])} |`,
  );
  return ['| input | what it does | default |', '|---|---|---|', ...rows].join('\n');
}

export function outputsTable(actionYml: string): string {
  const action = parse(actionYml) as ActionMetadata;
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return ['| output | what it holds |', '|---|---|', ...rows].join('\n');
}

const LEVEL: Record<RuleLevel, string> = {
  error: 'error',
  warning: 'warning',
  notice: 'notice',
  off: '–',
};

export function rulesTable(): string {
  const rows = RULES.map(
    (rule) =>
      `| ${rule.id} | \`${rule.name}\` | ${cell(rule.title)} | ${PRESETS.map((preset) => LEVEL[rule.levels[preset]]).join(' | ')} |`,
  );
  return [
    `| id | name | fires when | ${PRESETS.join(' | ')} |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function environmentTable(): string {
  const rows = ENVIRONMENT.map(
    (variable) =>
      `| \`${variable.name}\` | ${cell(variable.description)} | ${variable.defaultText} |`,
  );
  return ['| variable | what it sets | unset |', '|---|---|---|', ...rows].join('\n');
}

export function cliUsage(): string {
  return ['```text', USAGE, '```'].join('\n');
}

export function generatedSections(
  actionYml: string,
  hostileCases: readonly HostileCase[],
  benchResults: BenchResults,
): Record<string, string> {
  return {
    inputs: inputsTable(actionYml),
    outputs: outputsTable(actionYml),
    rules: rulesTable(),
    cli: cliUsage(),
    environment: environmentTable(),
    reliability: reliabilitySection(hostileCases),
    performance: performanceSection(benchResults),
  };
}

/** Replaces each `<!-- generated:NAME -->…<!-- /generated:NAME -->` block. */
export function updateReadme(readme: string, sections: Record<string, string>): string {
  let result = readme;
  for (const [name, content] of Object.entries(sections)) {
    const pattern = new RegExp(
      `(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`,
    );
    if (!pattern.test(result)) throw new Error(`README.md has no <!-- generated:${name} --> block`);
    result = result.replace(
      pattern,
      (_, open: string, close: string) => `${open}\n${content}\n${close}`,
    );
  }
  return result;
}

/** schema/policy.schema.json: the policy file's JSON Schema for editors, from the zod schema. */
export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(policyFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Non-root Guard policy (.github/nonroot-guard.yml)' }, null, 2)}\n`;
}

/**
 * docs/rules.md: every rule with its severities, rationale, fix, and a failing
 * and a passing Dockerfile (fixture images the tests build and check).
 */
export function rulesDocument(readFixture: (name: string) => string): string {
  const out = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata in src/policy/rules/ by `npm run docs`; do not edit. -->',
    '',
    'Each rule has a severity per preset (`–` is off); a policy file can change it, by id or name.',
    'The examples are fixture images under `fixtures/images/`: the tests build each one and check',
    'that the rule fires on the failing example and not on the passing one.',
    '',
    rulesTable(),
    '',
  ];
  for (const rule of RULES) {
    out.push(
      `## ${rule.id} ${rule.name}`,
      '',
      `**${rule.title}.**`,
      '',
      `Severity: ${PRESETS.map((preset) => `${preset} ${LEVEL[rule.levels[preset]]}`).join(', ')}.`,
      '',
      rule.rationale,
      '',
      `**How to fix:** ${rule.howToFix}`,
      '',
      `Fails (\`fixtures/images/${rule.examples.failing}\`):`,
      '',
      '```dockerfile',
      readFixture(rule.examples.failing).trimEnd(),
      '```',
      '',
      `Passes (\`fixtures/images/${rule.examples.passing}\`):`,
      '',
      '```dockerfile',
      readFixture(rule.examples.passing).trimEnd(),
      '```',
      '',
    );
  }
  return out.join('\n');
}

/** Whole files that are generated, by path. */
export function generatedFiles(readFixture: (name: string) => string): Record<string, string> {
  return {
    'schema/policy.schema.json': policyJsonSchema(),
    'docs/rules.md': rulesDocument(readFixture),
  };
}
