import { escapeXmlText } from '../../report/escape-xml.js';
import type { ConformResult } from '../conform-result.js';

/** The score's colour: green at 100 %, amber from 80 %, red below. */
export function scoreColor(score: number | null): string {
  if (score === null) return '#9f9f9f';
  if (score >= 100) return '#2e7d32';
  return score >= 80 ? '#b26a00' : '#c62828';
}

/** A score badge as an SVG file: `qiscus conform | 92%`, for a README or a CI page. */
export function formatConformBadge(result: ConformResult): string {
  const value = result.score === null ? 'n/a' : `${result.score}%`;
  const label = 'qiscus conform';
  const labelWidth = 98;
  const valueWidth = 12 + value.length * 8;
  const width = labelWidth + valueWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${label}: ${escapeXmlText(value)}">
  <title>${label}: ${escapeXmlText(value)}</title>
  <rect width="${labelWidth}" height="20" fill="#555"/>
  <rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${scoreColor(result.score)}"/>
  <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
    <text x="8" y="14">${label}</text>
    <text x="${labelWidth + 6}" y="14">${escapeXmlText(value)}</text>
  </g>
</svg>
`;
}
