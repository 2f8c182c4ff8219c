import { describe, expect, it } from 'vitest';
import { changeKind, toNotebook, type EditableCell } from '../../src/ui/notebook-cells.ts';

describe('changing a cell kind', () => {
  it("keeps a SQL cell's view name through another kind and back, and never writes it for the other kind", () => {
    const cells: EditableCell[] = [{ id: 'a', kind: 'sql', source: 'select 1', name: 'by_country' }];
    const asText = changeKind(cells, 'a', 'markdown');
    expect(toNotebook(undefined, asText).cells).toEqual([{ kind: 'markdown', source: 'select 1' }]);
    const asSegql = changeKind(asText, 'a', 'seg');
    expect(toNotebook(undefined, changeKind(asSegql, 'a', 'sql')).cells).toEqual([{ kind: 'sql', source: 'select 1', name: 'by_country' }]);
  });
});
