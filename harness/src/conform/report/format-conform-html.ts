import type { Exchange } from '#contracts';
import { formatExchangeLine } from '../../report/format-exchange-line.js';
import type { CheckResult, ConformResult } from '../conform-result.js';
import { formatConformBadge, scoreColor } from './format-conform-badge.js';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function field(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** One exchange as the dashboard draws a room: the customer left, the bot right, the rest as notes. */
function bubble(exchange: Exchange): string {
  const request = exchange.request.body;
  if (exchange.direction === 'to_bot') {
    const text = field(request, 'payload', 'message', 'text');
    const type = field(request, 'payload', 'message', 'type');
    const shown =
      typeof text === 'string' && text !== ''
        ? text
        : `(${typeof type === 'string' ? type : 'message'})`;
    return `<div class="msg customer"><span class="who">customer → bot</span>${escapeHtml(shown)}<span class="status">webhook answered ${String(exchange.status ?? 'nothing')}</span></div>`;
  }
  if (exchange.direction === 'from_bot') {
    const text = field(request, 'message') ?? field(request, 'payload', 'text');
    const refused = (exchange.status ?? 0) >= 400;
    const shown = typeof text === 'string' && text !== '' ? text : exchange.path;
    return `<div class="msg bot${refused ? ' refused' : ''}"><span class="who">bot (${escapeHtml(exchange.operation_id ?? exchange.path)})</span>${escapeHtml(shown)}<span class="status">${refused ? 'refused ' : ''}${String(exchange.status ?? '')}</span></div>`;
  }
  return `<div class="note">${escapeHtml(formatExchangeLine(exchange))}</div>`;
}

function failedConversations(check: CheckResult): string {
  return check.scripts
    .filter((script) => script.status !== 'passed')
    .map((script) => {
      const steps = script.steps
        .map(
          (step) =>
            `<li class="step ${step.status}">${escapeHtml(step.summary)}${step.message ? `<div class="why">${escapeHtml(step.message)}</div>` : ''}</li>`,
        )
        .join('');
      const traffic = script.steps
        .flatMap((step) => step.traffic)
        .map(bubble)
        .join('');
      return `<div class="conversation"><h4>${escapeHtml(script.name)} <small>${escapeHtml(script.channel ?? '')} · room ${escapeHtml(script.room_id ?? '-')}</small></h4><ol>${steps}</ol><div class="room">${traffic || '<div class="note">no traffic in the failed turn</div>'}</div></div>`;
    })
    .join('');
}

function row(check: CheckResult): string {
  const detail =
    check.status === 'failed'
      ? `<div class="detail"><p><b>Why:</b> ${escapeHtml(check.reason ?? '')}</p><p><b>Fix:</b> ${escapeHtml(check.fix)}</p><p class="fact"><b>Fact:</b> ${escapeHtml(check.fact)}</p>${failedConversations(check)}</div>`
      : check.reason
        ? `<div class="detail"><p>${escapeHtml(check.reason)}</p></div>`
        : '';
  return `<section class="check ${check.status}" data-check="${escapeHtml(check.id)}"><h3><span class="status">${check.status.replace('_', ' ')}</span> <span class="sev">${check.severity}</span> ${escapeHtml(check.id)}: ${escapeHtml(check.title)}</h3>${detail}</section>`;
}

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
.score{font-size:2.5rem;font-weight:700}.check{border-left:4px solid #ccc;padding:.2rem .8rem;margin:.6rem 0}
.check.passed{border-color:#2e7d32}.check.failed{border-color:#c62828;background:#fff6f6}.check.not_run,.check.skipped{border-color:#999;color:#555}
.check h3{font-size:1rem;margin:.3rem 0}.status{text-transform:uppercase;font-size:.75rem}.sev{font-size:.75rem;color:#666}
.room{background:#eef2f5;padding:.6rem;border-radius:8px;display:flex;flex-direction:column;gap:.4rem}
.msg{max-width:70%;padding:.4rem .6rem;border-radius:10px;background:#fff;white-space:pre-wrap}.msg.bot{align-self:flex-end;background:#d9f2e6}
.msg.refused{background:#ffd9d9}.who,.msg .status{display:block;font-size:.7rem;color:#666}.note{font:12px monospace;color:#555}
.step.failed{color:#c62828}.why{font-size:.85rem}.fact{color:#555}`;

/**
 * The report as one HTML file with nothing to fetch: the score and its badge, every check, and
 * each failed conversation drawn as the dashboard draws a room.
 */
export function formatConformHtml(result: ConformResult): string {
  const score = result.score === null ? 'n/a' : `${result.score}%`;
  const { must, should, skipped, not_run } = result.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qiscus-mock conform: ${score}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${style}</style></head>
<body><header><h1>qiscus-mock conform</h1>
<div class="badge">${formatConformBadge(result)}</div>
<p class="score" id="score" style="color:${scoreColor(result.score)}">${score}</p>
<p>${must.passed} of ${must.passed + must.failed} must-checks passed; should-checks ${should.passed} passed, ${should.failed} failed; ${skipped} skipped, ${not_run} not run. Bot: ${escapeHtml(result.bot.command ?? (result.bot.url || result.bot.kind))}.</p></header>
<main>${result.checks.map(row).join('\n')}</main></body></html>
`;
}
