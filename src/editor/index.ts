/**
 * The code editor, Monaco behind one module. Importing this costs only Lit and the element;
 * Monaco itself arrives in lazily loaded chunks when the first editor appears (or on preloadEditor()).
 */
export { SegCodeEditor, type EditorValueDetail } from './seg-code-editor.ts';
export type { EditorLanguage } from './code-editor.ts';
export type { NotebookLanguageContext } from './context.ts';
export { preloadEditor } from './load.ts';
