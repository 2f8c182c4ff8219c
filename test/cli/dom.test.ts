import { describe, expect, it } from 'vitest';
import { nodeSanitizer } from '../../src/cli/dom.ts';
import { renderMarkdown } from '../../src/notebook/markdown.ts';

const sanitize = nodeSanitizer();

describe('DOMPurify on linkedom', () => {
  it.each([
    ['<p onclick="x()">a</p><script>alert(1)</script>', '<p>a</p>'],
    ['<img src=x onerror=alert(1)>', '<img src="x">'],
    ['<a href="javascript:alert(1)">l</a>', '<a>l</a>'],
    ['<foo><img src=1 onerror=alert(1)></foo>', '<img src="1">'],
    ['<div><div><script>1</script><script>2</script></div><img onerror=1 src=1><img onerror=2 src=2></div>', '<div><div></div><img src="1"><img src="2"></div>'],
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>', '<svg><a>x</a></svg>'],
    ['<iframe src="https://evil.example"></iframe><style>body{}</style><form><input></form>', ''],
    ['<details open ontoggle=alert(1)><summary>s</summary>x</details>', '<details open=""><summary>s</summary>x</details>'],
    ['<a href="https://example.com" title="t">fine</a> <code>x &lt; y</code>', '<a href="https://example.com" title="t">fine</a> <code>x &lt; y</code>'],
  ])('sanitises %s', (dirty, clean) => {
    expect(sanitize(dirty).replace('open=""', 'open')).toBe(clean.replace('open=""', 'open'));
  });

  it('shows raw HTML in Markdown cells as text and keeps Markdown formatting', () => {
    const html = renderMarkdown('# Title\n\n<script>alert(1)</script> **bold** [x](javascript:alert(1)) [ok](https://example.com)', sanitize);
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });
});
