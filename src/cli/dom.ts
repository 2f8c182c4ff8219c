/**
 * A DOM for Node: linkedom documents for Plot and the report, and DOMPurify made to work on them.
 * DOMPurify reads node properties through getters on the DOM prototypes and parses through
 * `DOMParser`/`createHTMLDocument`; linkedom keeps those properties on the instances and parses
 * fragments without a body, so the window we hand DOMPurify bridges both.
 */
import createDOMPurify from 'dompurify';
import { DOMParser, NodeFilter, parseHTML } from 'linkedom';
import { SANITIZE_OPTIONS, type Sanitize } from '../notebook/markdown.ts';

const EMPTY_PAGE = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

export function blankDocument(): Document {
  return parseHTML(EMPTY_PAGE('')).document as unknown as Document;
}

export function nodeSanitizer(): Sanitize {
  const { window, document } = parseHTML(EMPTY_PAGE(''));
  const page = (body: string) => new DOMParser().parseFromString(EMPTY_PAGE(body), 'text/html');
  Object.defineProperty(document, 'implementation', { value: { createHTMLDocument: () => page('') } });
  const purify = createDOMPurify({
    document,
    Node: bridge(window.Node, ['nodeType', 'nodeName', 'ownerDocument'], []),
    Element: bridge(window.Element, ['nextSibling', 'childNodes', 'parentNode', 'shadowRoot', 'attributes', 'namespaceURI'], ['cloneNode', 'remove', 'removeAttributeNode']),
    NodeFilter,
    DOMParser: class {
      parseFromString(html: string) {
        return page(html);
      }
    },
    HTMLTemplateElement: window.HTMLTemplateElement,
    DocumentFragment: window.DocumentFragment,
    NamedNodeMap: window.NamedNodeMap,
    HTMLFormElement: window.HTMLFormElement,
  } as unknown as Window & typeof globalThis);
  if (!purify.isSupported) throw new Error('DOMPurify cannot run on this DOM');
  // linkedom's node iterator is a snapshot, so nodes DOMPurify moves during a pass are checked on the
  // next one; sanitising until nothing changes means every node of the result has been checked.
  return (html) => {
    let current = html;
    for (let pass = 0; pass < 8; pass++) {
      const next = purify.sanitize(current, SANITIZE_OPTIONS);
      if (next === current) return next;
      current = next;
    }
    return '';
  };
}

/** A stand-in class whose prototype exposes instance properties as getters and forwards methods. */
function bridge(real: unknown, getters: string[], methods: string[]): unknown {
  const prototype: Record<string, unknown> = {};
  for (const name of getters) {
    Object.defineProperty(prototype, name, {
      get(this: Record<string, unknown>) {
        return this[name];
      },
    });
  }
  for (const name of methods) {
    prototype[name] = function (this: Record<string, (...args: unknown[]) => unknown>, ...args: unknown[]) {
      return this[name]!(...args);
    };
  }
  const Bridge = function () {} as unknown as { prototype: unknown };
  Bridge.prototype = prototype;
  Object.defineProperty(Bridge, Symbol.hasInstance, { value: (x: unknown) => x instanceof (real as new () => unknown) });
  return Bridge;
}
