import * as monaco from 'monaco-editor/editor';
import { completeAt, type CompletionItem, type CompletionKind } from '../lang/index.ts';
import { languageStateOf } from './bindings.ts';
import { SEGQL_LANGUAGE_ID } from './segql-language.ts';

const Kind = monaco.languages.CompletionItemKind;

export const COMPLETION_KINDS: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: Kind.Keyword,
  table: Kind.Struct,
  column: Kind.Field,
  let: Kind.Variable,
  segment: Kind.Class,
  partition: Kind.Enum,
  part: Kind.EnumMember,
  split: Kind.Enum,
  population: Kind.Module,
  link: Kind.Reference,
  function: Kind.Function,
};

/** Names first, then functions, then keywords; the compiler's order within each. */
function rank(kind: CompletionKind): number {
  return kind === 'keyword' ? 2 : kind === 'function' ? 1 : 0;
}

/** Completion from the compiler (`completeAt`): keywords valid here and the notebook's names. */
export function registerSegqlCompletion(): void {
  monaco.languages.registerCompletionItemProvider(SEGQL_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const state = languageStateOf(model);
      if (!state) return { suggestions: [] };
      const result = completeAt(state.program, state.cell, model.getOffsetAt(position), state.context.catalog());
      const range = monaco.Range.fromPositions(model.getPositionAt(result.from), model.getPositionAt(result.to));
      const typed = model.getValueInRange(range);
      return { suggestions: result.items.map((item, i) => suggestion(item, i, range, typed)) };
    },
  });
}

function suggestion(item: CompletionItem, index: number, range: monaco.IRange, typed: string): monaco.languages.CompletionItem {
  const text = item.insertText ?? item.label;
  // A function goes in with its parentheses and the cursor between them.
  const call = item.kind === 'function' && text.endsWith('(');
  return {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation,
    insertText: call ? `${text}$0)` : text,
    insertTextRules: call ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    // A backticked prefix is matched against the backticked name.
    filterText: typed.startsWith('`') ? text : item.label,
    sortText: `${rank(item.kind)}${String(index).padStart(5, '0')}`,
    range,
  };
}
