import { expect, it } from 'vitest';
import { failingRun } from '../../test/support/sample-run-results.js';
import { RunResultSchema } from '../run/run-result.js';
import { formatJsonReport } from './format-json-report.js';

it('writes the run’s result as JSON that its schema reads back unchanged', () => {
  const text = formatJsonReport(failingRun);
  expect(text.endsWith('}\n')).toBe(true);
  expect(RunResultSchema.parse(JSON.parse(text))).toEqual(failingRun);
});

it('refuses to write a result its schema does not accept', () => {
  const broken = { ...failingRun, summary: { ...failingRun.summary, passed: -1 } };
  expect(() => formatJsonReport(broken)).toThrow(/summary\.passed|passed/);
});
