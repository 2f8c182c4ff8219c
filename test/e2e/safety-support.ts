// What the safety tests share: the XSS payloads, a page sentinel that records anything a payload
// could run, a scan for executable markup through every shadow root, and the policy-free page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Notebook } from '../../src/notebook/model.ts';
import type { E2EContext } from './support/e2e.ts';

const PAYLOADS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/datasets/xss/xss_payloads_all.txt');

/** Every payload of the shared list, one per line, its backslash escapes decoded (see PROVENANCE.md). */
export function xssPayloads(): string[] {
  const lines = fs.readFileSync(PAYLOADS, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(unescapeLine);
}

function unescapeLine(line: string): string {
  return line.replace(/\\(u[0-9a-fA-F]{4}|[\\nrt])/g, (_, code: string) => {
    if (code.startsWith('u')) return String.fromCharCode(parseInt(code.slice(1), 16));
    return ({ '\\': '\\', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[code]!;
  });
}

/**
 * Before any page script: dialogs, printing and new windows only record their call, and every
 * Content-Security-Policy violation is recorded too. Payloads end in alert/confirm/prompt/print/
 * open calls; `window.__xssHits` is what ran.
 */
export async function installSentinel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const hits: string[] = [];
    Object.defineProperty(window, '__xssHits', { value: hits });
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => {
          hits.push(`${name}(${args.map(String).join(', ')})`);
          return null;
        },
      });
    }
    document.addEventListener('securitypolicyviolation', (e) => hits.push(`blocked by ${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`), true);
  });
}

export function sentinelHits(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __xssHits: string[] }).__xssHits)]);
}

/**
 * A control: on this page a handler that slips into the DOM does run and is recorded, so an empty
 * record after the payloads means they ran nowhere. Leaves the record empty.
 */
export async function provesTheSentinelWorks(page: Page): Promise<void> {
  const hits = await page.evaluate(async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="data:," onerror="alert(\'control\')">';
    document.body.append(probe);
    await new Promise((resolve) => setTimeout(resolve, 200));
    probe.remove();
    const record = (window as unknown as { __xssHits: string[] }).__xssHits;
    return record.splice(0);
  });
  if (hits.join() !== 'alert(control)') throw new Error(`the sentinel did not see a handler run: ${JSON.stringify(hits)}`);
}

/**
 * Serves the app's page without its Content-Security-Policy, so what stops a payload is the way it
 * is rendered (text, or sanitised HTML) and not the policy, which would hide a rendering bug.
 */
export async function withoutPolicy(t: E2EContext): Promise<void> {
  await t.page.route(`${t.origin}/`, async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !/^content-security-policy/i.test(name)));
    const body = (await response.text()).replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
    await route.fulfill({ response, headers, body });
  });
}

/**
 * Markup anywhere on the page (shadow roots included) that could run script: script-bearing
 * elements, event-handler attributes, javascript:/vbscript:/data:text/html URLs, srcdoc.
 */
export function executableMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const TAGS = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'FOREIGNOBJECT', 'ANIMATE', 'SET', 'HANDLER', 'LISTENER']);
    const URL_ATTRS = /^(href|src|xlink:href|action|formaction|data|poster|background|srcset|to|from|values)$/i;
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const where = `<${el.localName}> in ${root instanceof ShadowRoot ? `<${root.host.localName}>` : 'the document'}`;
        if (TAGS.has(el.tagName.toUpperCase()) && !(el.tagName === 'SCRIPT' && root === document && (el as HTMLScriptElement).src)) {
          if (!(el.tagName === 'META' && root === document)) found.push(`${where}: a ${el.localName} element`);
        }
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${where}: ${attr.name}="${attr.value}"`);
          if (attr.name.toLowerCase() === 'srcdoc') found.push(`${where}: srcdoc`);
          if (URL_ATTRS.test(attr.name) && /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i.test(attr.value.replace(/[\u0000-\u001f]/g, ''))) {
            found.push(`${where}: ${attr.name}="${attr.value}"`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/** Serves text at a path of the app's origin, answering the one-byte range request the engine sizes files with. */
export async function serveFile(t: E2EContext, pathname: string, text: string): Promise<void> {
  const body = Buffer.from(text);
  await t.page.route(`${t.origin}${pathname}`, (route) => {
    const headers = { 'content-type': 'text/csv; charset=utf-8', 'accept-ranges': 'bytes' };
    if (route.request().headers().range === 'bytes=0-0') {
      return route.fulfill({ status: 206, headers: { ...headers, 'content-range': `bytes 0-0/${body.length}` }, body: body.subarray(0, 1) });
    }
    return route.fulfill({ status: 200, headers, body });
  });
}

/** Opens one of the file menu's panels (Share, Export, …) and clicks an item in it. */
export async function fromFileMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.locator('seg-file-menu .bar button', { hasText: menu }).click();
  await page.locator(`seg-file-menu [popover][aria-label="${menu}"] button`, { hasText: item }).first().click();
}

/** Replaces the notebook in the running app (as opening a file does). */
export async function setNotebook(page: Page, notebook: Notebook): Promise<void> {
  await page.evaluate((nb) => {
    const host = document.querySelector('seg-notebook') as HTMLElement & { controller: { setNotebook(n: unknown): void } };
    host.controller.setNotebook(nb);
  }, notebook);
}

/** Waits until the page and every element in it has rendered its latest state. */
export async function rendered(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pending: Promise<unknown>[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const update = (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
        if (update) pending.push(update);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    for (let round = 0; round < 3; round++) {
      pending.length = 0;
      visit(document);
      await Promise.all(pending);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
}

/** A CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}
