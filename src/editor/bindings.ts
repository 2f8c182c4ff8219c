import type * as monaco from 'monaco-editor/editor';
import type { Program } from '../lang/index.ts';
import { programWithCell, type NotebookLanguageContext } from './context.ts';
import { SEGQL_LANGUAGE_ID } from './segql-language.ts';

/**
 * Monaco registers a language's providers once, for every model; each editor binds its model to
 * the notebook context and the cell it shows, and the providers look the binding up.
 */
export interface EditorBinding {
  context?: NotebookLanguageContext;
  cell: number;
}

const bindings = new Map<string, EditorBinding>();

export function bindModel(model: monaco.editor.ITextModel, binding: EditorBinding): void {
  bindings.set(model.uri.toString(), binding);
}

export function unbindModel(model: monaco.editor.ITextModel): void {
  bindings.delete(model.uri.toString());
}

/**
 * The model's notebook context and program, if the model is bound to one. For a SegQL model the
 * program has the cell's text as the model holds it now; a SQL model is no part of the program.
 */
export function languageStateOf(
  model: monaco.editor.ITextModel,
): { context: NotebookLanguageContext; cell: number; program: Program } | undefined {
  const binding = bindings.get(model.uri.toString());
  if (!binding?.context) return undefined;
  const notebook = binding.context.program();
  const program = model.getLanguageId() === SEGQL_LANGUAGE_ID ? programWithCell(notebook, binding.cell, model.getValue()) : notebook;
  return { context: binding.context, cell: binding.cell, program };
}
