import * as monaco from 'monaco-editor/editor';
import { hoverAt } from '../lang/index.ts';
import { languageStateOf } from './bindings.ts';
import { SEGQL_LANGUAGE_ID } from './segql-language.ts';

/** A segment's size is looked up live; a hover never waits longer than this for it. */
const SIZE_TIMEOUT_MS = 1500;

const count = new Intl.NumberFormat('en-US');

/** Hover from the compiler (`hoverAt`): a column's type, a definition's text, a function's signature; a segment's size. */
export function registerSegqlHover(): void {
  monaco.languages.registerHoverProvider(SEGQL_LANGUAGE_ID, {
    async provideHover(model, position) {
      const state = languageStateOf(model);
      if (!state) return null;
      const hover = hoverAt(state.program, state.cell, model.getOffsetAt(position), state.context.catalog());
      if (!hover) return null;
      const contents: monaco.IMarkdownString[] = [{ value: hover.contents }];
      if (hover.segment && state.context.segmentSize) {
        const size = await withTimeout(state.context.segmentSize(hover.segment), SIZE_TIMEOUT_MS);
        if (size !== undefined) contents.push({ value: `${count.format(size)} ${size === 1 ? 'member' : 'members'}` });
      }
      const range = monaco.Range.fromPositions(model.getPositionAt(hover.span.start), model.getPositionAt(hover.span.end));
      return { contents, range };
    },
  });
}

function withTimeout<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
