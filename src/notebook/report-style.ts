/** The report's stylesheet: readable on screen and paper, light and dark. */
export const REPORT_STYLE = `
:root { color-scheme: light dark; --fg: #1a202c; --muted: #5a6472; --line: #d9dee5; --bg: #ffffff; --code: #f5f7fa; --bad: #c53030; --good: #2f855a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e2e8f0; --muted: #a0aec0; --line: #3a4250; --bg: #171a21; --code: #222733; --bad: #fc8181; --good: #68d391; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
main.segbook-report { max-width: 900px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { margin: 0 0 4px; font-size: 28px; }
header .meta { margin: 0 0 24px; color: var(--muted); }
.problem, .errors { color: var(--bad); }
.cell { margin: 18px 0; }
.cell.code { border-left: 3px solid var(--line); padding-left: 14px; }
.cell.code.has-errors { border-left-color: var(--bad); }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
pre { background: var(--code); padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
figure.result { margin: 14px 0 22px; }
figcaption { font-weight: 600; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin-bottom: 6px; }
figcaption .words { font: 400 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-transform: none; letter-spacing: 0; color: var(--fg); }
.seg-chart { margin: 6px 0 10px; }
.seg-chart svg { max-width: 100%; height: auto; overflow: visible; }
.seg-chart-title { font-size: 12px; color: var(--muted); margin-top: 8px; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { font-weight: 600; }
.num { text-align: right; }
td.null { color: var(--muted); font-style: italic; }
.more, .summary { color: var(--muted); font-size: 13px; }
ul.expectations { list-style: none; padding: 0; }
ul.expectations li { margin: 4px 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.pass .badge { background: var(--good); }
.fail .badge { background: var(--bad); }
.detail { color: var(--muted); }
@page { margin: 15mm 14mm; }
@media print {
  :root { color-scheme: light; --fg: #000000; --muted: #4a5260; --line: #c8ced6; --bg: #ffffff; --code: #f3f5f8; --bad: #b42318; --good: #1f7a4a; }
  body { font-size: 10.5pt; line-height: 1.45; }
  main.segbook-report { max-width: none; padding: 0; }
  /* A handout shows each cell's code, which the screen keeps folded. */
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { list-style: none; cursor: auto; }
  details > summary::-webkit-details-marker { display: none; }
  pre { white-space: pre-wrap; overflow: visible; font-size: 9pt; break-inside: avoid; }
  .table { overflow: visible; }
  /* Wide tables fit the page: headers may break anywhere, text at spaces, numbers never. */
  table { font-size: 8pt; max-width: 100%; }
  th, td { padding: 2px 4px; white-space: normal; }
  th { overflow-wrap: anywhere; }
  td.num { white-space: nowrap; }
  tr, figure.result .seg-chart, ul.expectations li { break-inside: avoid; }
  h1, h2, h3, figcaption, .seg-chart-title { break-after: avoid; }
  .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
