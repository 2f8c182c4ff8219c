import * as monaco from 'monaco-editor/editor';
import { languageStateOf } from './bindings.ts';
import { completeSql, type SqlCompletionItem } from './sql-names.ts';

const Kind = monaco.languages.CompletionItemKind;
const KINDS: Record<SqlCompletionItem['kind'], monaco.languages.CompletionItemKind> = {
  table: Kind.Struct,
  column: Kind.Field,
  segment: Kind.Class,
  part: Kind.EnumMember,
};

/** Table, view and column names in SQL cells (Monaco's own SQL language does the colouring). */
export function registerSqlCompletion(): void {
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', '"'],
    provideCompletionItems(model, position) {
      const state = languageStateOf(model);
      if (!state) return { suggestions: [] };
      const result = completeSql(model.getValue(), model.getOffsetAt(position), state.context.catalog(), state.program);
      const range = monaco.Range.fromPositions(model.getPositionAt(result.from), model.getPositionAt(result.to));
      const quoted = model.getValueInRange(range).startsWith('"');
      return {
        suggestions: result.items.map((item, i) => ({
          label: item.label,
          kind: KINDS[item.kind],
          detail: item.detail,
          insertText: item.insertText,
          filterText: quoted ? item.insertText : item.label,
          sortText: String(i).padStart(5, '0'),
          range,
        })),
      };
    },
  });
}
