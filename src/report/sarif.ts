import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES } from '../policy/rules/index.js';
import type { RuleLevel, Severity } from '../policy/types.js';
import { findingPlatforms } from './describe.js';
import type { Report } from './types.js';

const LEVEL: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

/**
 * GitHub ranks code scanning alerts by security-severity (>= 7 high, >= 4
 * medium, else low). It follows the rule's baseline level: what even the
 * baseline calls an error is high.
 */
const SECURITY_SEVERITY: Record<RuleLevel, string> = {
  error: '7.5',
  warning: '5.0',
  notice: '3.0',
  off: '2.0',
};

function ruleDescriptor(rule: (typeof RULES)[number]): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.rationale}\n\nHow to fix: ${rule.howToFix}`,
      markdown: `${rule.rationale}\n\n**How to fix:** ${rule.howToFix}`,
    },
    defaultConfiguration: {
      level: rule.levels.baseline === 'off' ? 'none' : LEVEL[rule.levels.baseline],
    },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.levels.baseline],
      tags: ['security', 'container', 'non-root'],
    },
  };
}

/**
 * A stable identity for a finding across runs: rule, file and message, but
 * not the line, so editing lines above it does not open a new alert.
 */
function fingerprint(rule: string, file: string, message: string): string {
  return createHash('sha256').update(`${rule}\0${file}\0${message}`).digest('hex').slice(0, 32);
}

/**
 * SARIF 2.1.0 for github/codeql-action/upload-sarif. Code scanning needs a
 * file location, so findings without one (no Dockerfile given) are left out;
 * the JSON report and the summary still carry them.
 */
export function renderSarif(report: Report): string {
  const index = new Map(RULES.map((rule, position) => [rule.id, position]));
  const results: Result[] = report.findings
    .filter((finding) => finding.location !== null)
    .map((finding) => {
      const location = finding.location!;
      const fix = finding.fix ? `\nFix: ${finding.fix.summary}` : '';
      const platforms = findingPlatforms(report, finding);
      return {
        ruleId: finding.rule,
        ruleIndex: index.get(finding.rule),
        level: LEVEL[finding.severity],
        message: { text: `${platforms ? `On ${platforms}: ` : ''}${finding.message}${fix}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriReference(location.file) },
              region: { startLine: location.line },
            },
          },
        ],
        partialFingerprints: {
          'nonrootGuard/v1': fingerprint(finding.rule, location.file, finding.message),
        },
        ...(platforms ? { properties: { platforms: finding.platforms } } : {}),
      };
    });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: RULES.map(ruleDescriptor),
          },
        },
        // One category per image, so a matrix of images does not overwrite itself.
        automationDetails: { id: `nonroot-guard/${report.image.ref}/` },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * A path as a URI reference, as SARIF requires: each segment percent-encoded,
 * so a space, `#`, `?` or `%` in a file name is part of the path, not of the URI.
 */
export function uriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
