import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, compileCell, parseCell } from '../../src/lang/index.ts';
import { lex } from '../../src/lang/lexer.ts';
import { ASOF, retailCatalog } from './fixtures.ts';

/**
 * One corpus of SegQL programs, snapshotted at every stage (PRQL's habit): tokens, AST and the
 * SQL per statement. A change in any stage shows up as a reviewable diff of the snapshot files.
 */
const corpus = path.resolve(__dirname, '../corpus');
const programs = fs.readdirSync(corpus).filter((f) => f.endsWith('.seg'));

function withoutSpans(key: string, value: unknown) {
  return key === 'span' ? undefined : value;
}

describe.each(programs)('%s', (file) => {
  const source = fs.readFileSync(path.join(corpus, file), 'utf8');
  const snapshot = (stage: string) => path.join(corpus, '__snapshots__', `${file}.${stage}`);

  it('tokens', async () => {
    const tokens = lex(source).tokens.map((t) => `${t.startLine}:${t.startColumn} ${t.tokenType.name} ${t.image}`);
    await expect(tokens.join('\n') + '\n').toMatchFileSnapshot(snapshot('tokens.txt'));
  });

  it('ast', async () => {
    const parsed = parseCell(source);
    await expect(JSON.stringify(parsed.statements, withoutSpans, 2) + '\n').toMatchFileSnapshot(snapshot('ast.json'));
  });

  it('sql and diagnostics', async () => {
    const compiled = compileCell(buildProgram([{ index: 0, source }]), 0, retailCatalog, { asof: ASOF });
    const diagnostics = compiled.diagnostics.map((d) => `-- ${d.span.line}:${d.span.column} ${d.code}: ${d.message}`);
    const statements = compiled.statements.map((s) => `-- ${s.kind === 'view' ? `view ${s.name}` : s.kind === 'check' ? 'check' : s.statement}\n${s.sql};`);
    await expect([...diagnostics, ...statements].join('\n\n') + '\n').toMatchFileSnapshot(snapshot('sql'));
  });
});
