import assert from 'node:assert/strict';
import YAML from 'yaml';
import { shareLink } from '../../src/share/link.ts';
import { executableMarkup, installSentinel, provesTheSentinelWorks, rendered, sentinelHits, withoutPolicy, xssPayloads } from './safety-support.ts';
import { waitForSettled } from './support/app.ts';
import { test } from './support/e2e.ts';

test('safety: a shared link whose notebook text is every XSS payload opens, renders and runs nothing', async (t) => {
  const payloads = xssPayloads();
  const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
  // The file a stranger would write: payloads as the title and as Markdown (fences in them may make
  // code cells of their own), and as values of a SQL cell.
  const text = [
    `---\n${YAML.stringify({ title: payloads[2] })}---`,
    ...payloads,
    '```sql',
    `select * from (values ${payloads.map((p) => `(${sqlString(p)})`).join(', ')}) as t(payload)`,
    '```',
    '',
  ].join('\n\n');
  const link = shareLink(text, `${t.origin}/`);
  assert.ok(link.ok);
  t.note(`a ${link.url.length.toLocaleString('en-US')}-character link for ${text.length.toLocaleString('en-US')} characters of notebook`);

  await installSentinel(t.page);
  await withoutPolicy(t);
  await t.page.goto(link.url);
  assert.equal(await waitForSettled(t), 'ready');
  await provesTheSentinelWorks(t.page);
  await rendered(t.page);
  const shown = await t.page.evaluate(() => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { title?: string; cells: { cell: { kind: string } }[] } };
    return { title: host.controller.title, heading: host.shadowRoot!.querySelector('header h1')!.textContent, kinds: host.controller.cells.map((c) => c.cell.kind) };
  });
  assert.equal(shown.title, payloads[2]);
  assert.equal(shown.heading, payloads[2]);
  assert.ok(shown.kinds.filter((k) => k === 'markdown').length > 0 && shown.kinds.includes('sql'), 'the notebook opened with its cells');
  t.note(`opened as ${shown.kinds.length} cells: ${shown.kinds.filter((k) => k === 'markdown').length} Markdown, ${shown.kinds.filter((k) => k !== 'markdown').length} code`);

  await t.page.waitForTimeout(1000);
  assert.deepEqual(await executableMarkup(t.page), []);
  assert.deepEqual(await sentinelHits(t.page), []);
  await t.page.screenshot({ path: 'test-results/safety-xss-link.png' });
  t.note('screenshot: test-results/safety-xss-link.png');
}, { timeoutMs: 90_000 });
