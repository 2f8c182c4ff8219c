import * as monaco from 'monaco-editor/editor';
import { languageStateOf } from './bindings.ts';
import { hoverSql } from './sql-names.ts';

/** Hover in SQL cells: a table's or view's size, a column's type, a segment's view (`hoverSql`). */
export function registerSqlHover(): void {
  monaco.languages.registerHoverProvider('sql', {
    provideHover(model, position) {
      const state = languageStateOf(model);
      if (!state) return null;
      const hover = hoverSql(model.getValue(), model.getOffsetAt(position), state.context.catalog(), state.program);
      if (!hover) return null;
      return { contents: [{ value: hover.contents }], range: monaco.Range.fromPositions(model.getPositionAt(hover.from), model.getPositionAt(hover.to)) };
    },
  });
}
