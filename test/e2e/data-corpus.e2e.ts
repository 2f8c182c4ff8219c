// Every file of ../shared/datasets/csv-corpus through the data panel, a folder at a time: each
// either loads or is named in a message saying what is wrong, and the notebook still answers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addFiles, queryInCell } from './data-support.ts';
import { openNotebook } from './notebook-support.ts';
import { test } from './support/e2e.ts';

const CORPUS = path.resolve('../shared/datasets/csv-corpus');

interface Outcome {
  file: string;
  status: string;
  text: string;
}

/** What a message must not look like: a stack, an object, an internal name. */
const UNCLEAR = /\bat \S+ \(|\[object |undefined|segbook_|TypeError|RangeError|wasm/;

test(
  'data: every file of the CSV corpus loads or is named in a clear message, and the notebook keeps answering',
  async (t) => {
    await openNotebook(t);
    const original = await frontMatter(t);
    const folders = new Map<string, string[]>();
    for (const file of walk(CORPUS)) folders.set(path.dirname(file), [...(folders.get(path.dirname(file)) ?? []), file]);
    const outcomes: Outcome[] = [];
    const started = Date.now();
    for (const [folder, files] of folders) {
      await addFiles(t, files.map((file) => ({ name: path.basename(file), content: fs.readFileSync(file) })));
      outcomes.push(...(await settledOutcomes(t, files.map((f) => path.basename(f)))));
      assert.match(await queryInCell(t, 'select 6 * 7 as answer'), /\b42\b/, `the notebook answers after ${path.relative(CORPUS, folder) || 'the top folder'}`);
      await t.page.evaluate((yaml) => (document.querySelector('seg-notebook') as HTMLElement & { controller: { setFrontMatter(y: string | undefined): void } }).controller.setFrontMatter(yaml), original);
    }
    const loaded = outcomes.filter((o) => o.status === 'loaded');
    const refused = outcomes.filter((o) => o.status !== 'loaded');
    t.note(`${outcomes.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ${loaded.length} loaded, ${refused.length} refused with a message`);
    for (const o of refused.slice(0, 6)) t.note(`  ${o.file}: ${o.text}`);
    assert.equal(outcomes.length, [...folders.values()].flat().length, 'every file has an outcome');
    for (const o of refused) {
      assert.ok(o.text.includes(o.file), `the message names ${o.file}: ${o.text}`);
      assert.doesNotMatch(o.text, UNCLEAR, `the message for ${o.file} is in words`);
    }
    assert.ok(loaded.length > outcomes.length / 2, 'most of the corpus loads');
  },
  { timeoutMs: 120_000 },
);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function frontMatter(t: Parameters<typeof openNotebook>[0]): Promise<string | undefined> {
  return t.page.evaluate(() => (document.querySelector('seg-notebook') as HTMLElement & { controller: { getNotebook(): { frontMatter?: string } } }).controller.getNotebook().frontMatter);
}

/**
 * Waits until every file of the batch is a loaded table, a table that could not be read, or a
 * message of the panel (a type Segbook does not read); returns each file's outcome and its text.
 */
async function settledOutcomes(t: Parameters<typeof openNotebook>[0], names: string[]): Promise<Outcome[]> {
  const handle = await t.page.waitForFunction(
    (files) => {
      const page = document.querySelector('seg-notebook') as HTMLElement & { controller: { busy: boolean } };
      const root = document.querySelector('seg-data-panel')?.shadowRoot;
      if (!root || page.dataset.state !== 'ready' || page.controller.busy) return undefined;
      const rows = [...root.querySelectorAll<HTMLElement>('.data > li')];
      if (rows.some((r) => !r.classList.contains('loaded') && !r.classList.contains('error'))) return undefined;
      const messages = [...root.querySelectorAll('.messages li')].map((m) => m.textContent ?? '');
      const outcomes = files.map((file) => {
        const row = rows.find((r) => r.dataset.path === file);
        if (row) return { file, status: row.classList.contains('loaded') ? 'loaded' : 'error', text: row.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
        const message = messages.find((m) => m.includes(file));
        return message ? { file, status: 'message', text: message } : undefined;
      });
      return outcomes.every(Boolean) ? outcomes : undefined;
    },
    names,
    { timeout: 60_000, polling: 250 },
  );
  return (await handle.jsonValue()) as Outcome[];
}
