import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { toBase64Url } from '../../src/share/base64url.ts';
import { MAX_LINK_CHARS, MAX_NOTEBOOK_BYTES, isSharedFragment, readSharedFragment, shareLink } from '../../src/share/link.ts';

const PAGE = 'https://segbook.example/app/?x=1#old';

function roundTrip(text: string): string {
  const link = shareLink(text, PAGE);
  if (!link.ok) throw new Error(link.message);
  const fragment = new URL(link.url).hash;
  expect(isSharedFragment(fragment)).toBe(true);
  const read = readSharedFragment(fragment);
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

describe('share links', () => {
  test('a link pasted with what surrounded it (a parenthesis, a full stop, a wrapped line, spaces) still opens', () => {
    const text = '---\ntitle: Pasted\n---\n\n```seg\nsegment a = age > 30\n```\n';
    const link = shareLink(text, PAGE);
    if (!link.ok) throw new Error(link.message);
    const fragment = new URL(link.url).hash;
    const middle = Math.floor(fragment.length / 2);
    for (const pasted of [`${fragment})`, `${fragment}.`, `${fragment.slice(0, middle)}%0A${fragment.slice(middle)}`, `${fragment.slice(0, middle)}%20 ${fragment.slice(middle)}\n`]) {
      expect(readSharedFragment(pasted)).toEqual({ ok: true, text });
    }
  });

  test('a notebook goes into the fragment of the page address and comes back byte for byte', () => {
    const text = readFileSync('notebooks/getting-started.seg.md', 'utf8');
    const link = shareLink(text, PAGE);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://segbook.example/app/?x=1#nb=')).toBe(true);
    expect(link.url).toMatch(/^[^#]*#nb=[A-Za-z0-9_-]+$/);
    expect(link.url.length).toBeLessThan(text.length);
    expect(roundTrip(text)).toBe(text);
  });

  test('hostile text survives exactly: fences, script, quotes, percent signs, #, NUL, emoji, right-to-left, CRLF', () => {
    const hostile = [
      '---\ntitle: "<script>alert(1)</script>"\n---\n',
      '```seg\nsegment x = a > 1 -- %00 %2F # &amp; \u0000\n```\n',
      "<img src=x onerror=alert('xss')>\n",
      '😀 \u202Eevil\u202C ﷽ \uFEFF \r\n trailing\r\n',
      '#nb=not-a-nested-link',
      '',
    ];
    for (const text of hostile) expect(roundTrip(text)).toBe(text);
    expect(roundTrip(hostile.join(''))).toBe(hostile.join(''));
  });

  test('the payloads of the XSS corpus round-trip, and links stay short', () => {
    const payloads = readFileSync('../shared/datasets/xss/xss_payloads_all.txt', 'utf8');
    const text = `# payloads\n\n${payloads}`;
    expect(roundTrip(text)).toBe(text);
  });

  test('a large notebook still fits; one too large for any browser is refused in words', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lines = Array.from({ length: 20_000 }, (_, i) => `segment s${i} = spend > ${Math.floor(random() * 1e6)}`);
    const big = `\`\`\`seg\n${lines.join('\n')}\n\`\`\`\n`;
    expect(roundTrip(big)).toBe(big);

    const noise = Array.from(randomBytes(3_000_000), (b) => String.fromCharCode(33 + (b % 90))).join('');
    const refused = shareLink(noise, PAGE);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/too long for a link .* Share it as a file instead/);
  });

  test('broken links are refused with a sentence: truncated, altered, not base64url, not text', () => {
    const link = shareLink('# hello\n', PAGE);
    if (!link.ok) throw new Error(link.message);
    const fragment = new URL(link.url).hash;
    const cases = [
      fragment.slice(0, fragment.length - 3),
      `${fragment.slice(0, 8)}!!${fragment.slice(10)}`,
      '#nb=',
      '#nb=a',
      '#nb=%20abc',
      `#nb=${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0xc0, 0x80])))}`,
      `#nb=${toBase64Url(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))}`,
    ];
    for (const broken of cases) {
      const read = readSharedFragment(broken);
      expect(read.ok, broken).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/^This link does not hold a notebook Segbook can open: .+\. Ask for the link again/);
    }
  });

  test('a small link that would inflate past the limit (a zip bomb) is refused without inflating it all', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(MAX_NOTEBOOK_BYTES * 2), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const read = readSharedFragment(`#nb=${bomb}`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/larger than 8 MB/);
  });

  test('only fragments that start with nb= are shared notebooks', () => {
    expect(isSharedFragment('#nb=abc')).toBe(true);
    expect(isSharedFragment('nb=abc')).toBe(true);
    expect(isSharedFragment('#section-2')).toBe(false);
    expect(isSharedFragment('')).toBe(false);
  });
});
