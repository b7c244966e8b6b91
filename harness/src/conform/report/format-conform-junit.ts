import { escapeXmlAttribute, escapeXmlText } from '../../report/escape-xml.js';
import type { ConformResult } from '../conform-result.js';

/**
 * JUnit XML for CI: one testsuite per area, one testcase per check; a failed must-check is a
 * failure, a failed should-check too (CI tools show both; the score says which counts),
 * skipped and not-run checks are skipped with their reason.
 */
export function formatConformJunit(result: ConformResult): string {
  const areas = [...new Set(result.checks.map((check) => check.area))];
  const suites = areas.map((area) => {
    const checks = result.checks.filter((check) => check.area === area);
    const failures = checks.filter((check) => check.status === 'failed').length;
    const skipped = checks.filter((c) => c.status === 'skipped' || c.status === 'not_run').length;
    const cases = checks.map((check) => {
      const name = escapeXmlAttribute(`${check.id} (${check.severity}): ${check.title}`);
      const open = `    <testcase classname="conform.${escapeXmlAttribute(area)}" name="${name}">`;
      if (check.status === 'passed') return `${open}</testcase>`;
      if (check.status !== 'failed') {
        const what = check.status === 'skipped' ? 'skipped' : 'not run';
        return `${open}<skipped message="${escapeXmlAttribute(`${what}: ${check.reason ?? ''}`)}"/></testcase>`;
      }
      const body = `${check.reason ?? ''}\nfix: ${check.fix}\nfact: ${check.fact}`;
      return `${open}<failure message="${escapeXmlAttribute(check.reason ?? 'failed')}">${escapeXmlText(body)}</failure></testcase>`;
    });
    return [
      `  <testsuite name="conform ${escapeXmlAttribute(area)}" tests="${checks.length}" failures="${failures}" skipped="${skipped}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="qiscus-mock conform" tests="${result.checks.length}" failures="${result.checks.filter((c) => c.status === 'failed').length}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
