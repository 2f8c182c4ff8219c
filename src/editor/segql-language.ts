import * as monaco from 'monaco-editor/editor';
import { highlightLine, INITIAL_LINE_STATE, type LineState } from './segql-highlight.ts';

export const SEGQL_LANGUAGE_ID = 'seg';

/** Monaco's tokenizer state: what the previous line left open. Immutable, so clone is itself. */
class HighlightState implements monaco.languages.IState {
  constructor(readonly line: LineState) {}

  clone(): HighlightState {
    return this;
  }

  equals(other: monaco.languages.IState): boolean {
    return other instanceof HighlightState && other.line.open === this.line.open;
  }
}

/** Registers SegQL: the lexer-driven tokenizer, comments, brackets, quotes and what a word is. */
export function registerSegqlLanguage(): void {
  monaco.languages.register({ id: SEGQL_LANGUAGE_ID, extensions: ['.seg'], aliases: ['SegQL', 'seg'] });
  monaco.languages.setTokensProvider(SEGQL_LANGUAGE_ID, {
    getInitialState: () => new HighlightState(INITIAL_LINE_STATE),
    tokenize(line, state) {
      const result = highlightLine(line, (state as HighlightState).line);
      return {
        tokens: result.tokens.map((t) => ({ startIndex: t.start, scopes: t.className })),
        endState: new HighlightState(result.state),
      };
    },
  });
  const quotes = ["'", '"', '`'].map((q) => ({ open: q, close: q, notIn: ['string', 'comment'] }));
  monaco.languages.setLanguageConfiguration(SEGQL_LANGUAGE_ID, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [
      ['(', ')'],
      ['{', '}'],
    ],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '{', close: '}' }, ...quotes],
    surroundingPairs: [{ open: '(', close: ')' }, { open: '{', close: '}' }, ...quotes],
    // Words as the lexer reads them: identifiers, backticked names, numbers.
    wordPattern: /`(?:[^`]|``)*`?|[A-Za-z_][A-Za-z0-9_]*|\d[\d_]*(?:\.\d+)?/g,
  });
}
