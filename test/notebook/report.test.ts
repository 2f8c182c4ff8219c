import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/cli/html.ts';
import { blankDocument } from '../../src/cli/dom.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import type { CellResult } from '../../src/notebook/outcome.ts';
import { runReport } from '../../src/notebook/run-report.ts';

const NOTEBOOK = parseNotebook(
  '```seg\npopulation customers key customer_id\nsegment big = age > 40\ncompare everyone, big on pct(email_opt_in) as opted_in\nprofile big\n```\n',
);
const compare: CellResult = {
  statement: 'compare',
  columns: ['segment', 'size', 'share', 'opted_in'],
  types: ['VARCHAR', 'BIGINT', 'DOUBLE', 'DOUBLE'],
  rows: [['everyone', 2000, 1, 0.5273], ['big', 550, 0.275, 0.61]],
  shares: ['opted_in'],
};
const profile: CellResult = {
  statement: 'profile',
  columns: ['attribute', 'value', 'segment_share', 'baseline_share', 'lift'],
  types: ['VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'DOUBLE'],
  rows: [['country', 'US', 0.01538, 0.26, 0.05917]],
};

function reportPage(): Document {
  const cells = [{ index: 0, kind: 'seg' as const, name: null, status: 'done' as const, results: [compare, profile], errors: [], sql: [], summary: [] }];
  const html = htmlReport(runReport({ asof: '2024-12-31', cells, problems: [], cancelled: false }), NOTEBOOK, 'formats');
  const page = blankDocument();
  page.body.innerHTML = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>') + 7);
  return page;
}

describe('the HTML report', () => {
  it('writes numbers as the app does: shares in percent, lifts with ×, counts grouped', () => {
    const [compareTable, profileTable] = [...reportPage().querySelectorAll('table')].map((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(compareTable).toEqual([['everyone', '2,000', '100%', '52.7%'], ['big', '550', '27.5%', '61%']]);
    expect(profileTable![0]!.slice(2)).toEqual(['1.5%', '26%', '×0.06']);
  });

  it('heads each result with its statement, as the app does', () => {
    expect([...reportPage().querySelectorAll('figcaption')].map((f) => f.textContent)).toEqual(['compare everyone, big on pct(email_opt_in) as opted_in', 'profile big']);
  });
});
