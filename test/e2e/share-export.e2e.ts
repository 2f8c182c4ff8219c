import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { openNotebook } from './notebook-support.ts';
import { downloadFrom, inFreshBrowser, menuMessage, menuPanel, menuShot } from './persist-support.ts';
import { test } from './support/e2e.ts';

/**
 * A document as Chromium reads it: elements with their attributes in name order (styles as CSS
 * writes them back) and their text. Two serialisers of one DOM (linkedom in the CLI, Chromium's
 * in the page) order attributes and close empty SVG elements differently; what they describe is this.
 */
function readAs(page: Page, html: string): Promise<string[]> {
  return page.evaluate((source) => {
    const parsed = new DOMParser().parseFromString(source, 'text/html');
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element) {
        const attributes = [...node.attributes].map((a) => `${a.name}=${a.name === 'style' ? (node as HTMLElement).style.cssText : a.value}`).sort();
        out.push(`<${node.tagName.toLowerCase()} ${attributes.join(' ')}>`);
        node.childNodes.forEach(walk);
        out.push(`</${node.tagName.toLowerCase()}>`);
      } else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
        out.push(node.textContent!.trim());
      }
    };
    walk(parsed.documentElement);
    return out;
  }, html);
}

test('share: the HTML report exported in the page is the report `segbook run --format html` writes', async (t) => {
  // The CLI runs while the page starts.
  const cli = promisify(execFile)(process.execPath, ['bin/segbook.mjs', 'run', 'notebooks/getting-started.seg.md', '--format', 'html'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  // Plot nudges lines by half a pixel on screens of density 1; on denser ones it draws as in Node.
  const { t: page, close } = await inFreshBrowser(t, `${t.origin}/`, { deviceScaleFactor: 2 });
  try {
    const panel = await menuPanel(page, 'export');
    t.note(`screenshot: ${await menuShot(page, 'share-export-panel')}`);
    const report = await downloadFrom(page, panel.locator('button', { hasText: 'HTML report' }));
    assert.equal(report.name, 'getting-started-with-segbook.html');
    assert.match(await menuMessage(page), /^Saved the report as getting-started-with-segbook\.html\./);
    const fromPage = report.bytes.toString('utf8');
    fs.writeFileSync('test-results/share-report.html', fromPage);
    const fromCli = (await cli).stdout;
    fs.writeFileSync('test-results/share-report-cli.html', fromCli);
    assert.match(fromPage, /^<!doctype html>\n<html lang="en">/);
    assert.equal((fromPage.match(/<svg[^>]*class="plot-/g) ?? []).length, (fromCli.match(/<svg[^>]*class="plot-/g) ?? []).length, 'as many charts');
    assert.deepEqual(await readAs(page.page, fromPage), await readAs(page.page, fromCli), 'the same document (test-results/share-report.html, share-report-cli.html)');

    // Shown in place of the app, the report has no icon of its own: the browser asks for /favicon.ico.
    await page.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await page.page.setContent(fromPage);
    t.note(`screenshot: ${await page.screenshot('share-report')}`);
  } finally {
    await close();
  }
});

test('share: a segment\'s members download as a CSV of its keys, or of their SHA-256', async (t) => {
  await openNotebook(t);
  let panel = await menuPanel(t, 'export');
  await panel.locator('#members-of').selectOption({ label: 'big_spenders' });
  const plain = await downloadFrom(t, panel.locator('button', { hasText: 'Download members' }));
  assert.equal(plain.name, 'big_spenders-members.csv');
  const lines = plain.bytes.toString('utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], 'customer_id');
  assert.equal(lines.length - 1, 199, 'as many keys as the segment has members');
  assert.ok(lines.slice(1).every((k) => /^\d+$/.test(k)));
  assert.match(await menuMessage(t), /^Saved 199 keys of big_spenders as big_spenders-members\.csv\./);

  panel = await menuPanel(t, 'export');
  await panel.locator('#members-of').selectOption({ label: 'big_spenders' });
  await panel.locator('#members-hashed').check();
  const hashed = await downloadFrom(t, panel.locator('button', { hasText: 'Download members' }));
  assert.equal(hashed.name, 'big_spenders-members-sha256.csv');
  const hashes = hashed.bytes.toString('utf8').trimEnd().split('\r\n');
  assert.equal(hashes[0], 'sha256(customer_id)');
  assert.deepEqual(hashes.slice(1), lines.slice(1).map((k) => createHash('sha256').update(k).digest('hex')));
});
