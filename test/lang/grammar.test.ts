import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateGrammar } from '../../scripts/grammar.ts';
import { segqlParser } from '../../src/lang/parser.ts';

const GRAMMAR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../grammar');
const generated = generateGrammar();

describe('grammar/ is generated from the parser', () => {
  for (const [file, text] of Object.entries(generated)) {
    it(`${file} is up to date (run \`npm run grammar\` after changing the parser)`, () => {
      const committed = fs.readFileSync(path.join(GRAMMAR, file), 'utf8');
      expect(committed === text, `grammar/${file} is stale: run \`npm run grammar\``).toBe(true);
    });
  }

  it('the EBNF has one production per parser rule', () => {
    const rules = Object.keys(segqlParser().getGAstProductions());
    const defined = [...generated['segql.ebnf'].matchAll(/^(\w+)\s+::=/gm)].map((m) => m[1]);
    expect(defined.slice(0, rules.length)).toEqual(rules);
  });

  it('the diagrams page loads nothing from elsewhere: no CDN, no external script or stylesheet', () => {
    const html = generated['segql.html'];
    expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).toContain('window.serializedGrammar');
  });
});
