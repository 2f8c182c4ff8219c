/**
 * Monaco injects its CSS into document.head, which does not reach into shadow roots (measured:
 * a bare textarea and no line numbers). Each editor's shadow root adopts one shared copy of the
 * document's Monaco rules instead. @font-face rules are left out of the copy — they do nothing
 * inside a shadow root — while the codicon font stays declared in the document, where shadow
 * trees find it. Monaco's theme colours (`style.monaco-colors`) are excluded: Monaco writes
 * those into each shadow root itself and keeps them current. The copy is refreshed when
 * Monaco adds a stylesheet to the document later.
 */
let shared: CSSStyleSheet | undefined;
let watching: MutationObserver | undefined;

export function monacoStyleSheet(): CSSStyleSheet {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(collectMonacoCss());
    watching = new MutationObserver(() => shared?.replaceSync(collectMonacoCss()));
    watching.observe(document.head, { childList: true });
  }
  return shared;
}

/** Adds the shared Monaco sheet to a shadow root's adopted sheets (once). */
export function adoptMonacoStyles(root: ShadowRoot): void {
  const sheet = monacoStyleSheet();
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function collectMonacoCss(): string {
  const parts: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    const rules = readableRules(sheet);
    if (!rules || !isMonacoSheet(sheet, rules)) continue;
    for (const rule of rules) if (!(rule instanceof CSSFontFaceRule)) parts.push(rule.cssText);
  }
  return parts.join('\n');
}

function readableRules(sheet: CSSStyleSheet): CSSRule[] | undefined {
  try {
    return Array.from(sheet.cssRules);
  } catch {
    return undefined;
  }
}

/** Monaco's by where it came from (the editor chunk's CSS, or Vite's dev style tags), or by what it styles. */
function isMonacoSheet(sheet: CSSStyleSheet, rules: CSSRule[]): boolean {
  const owner = sheet.ownerNode;
  if (owner instanceof HTMLElement && owner.classList.contains('monaco-colors')) return false;
  const origin = sheet.href ?? (owner instanceof HTMLElement ? owner.dataset.viteDevId ?? '' : '');
  return /monaco/i.test(origin) || rules.some((rule) => /\.(monaco-|codicon)/.test(rule.cssText));
}
