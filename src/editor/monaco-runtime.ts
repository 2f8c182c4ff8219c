// The editor's lazily loaded half: Monaco's core, the few features a notebook cell needs, the
// editor worker, SQL colouring, and the SegQL language. Imported only through load.ts, so Vite
// puts all of it (and its CSS) in chunks the first screen never waits for.
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordOperations/register';
// The suggest feature's entry registers inline completions only; the widget is this contribution.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/sql/register';
import { registerSegqlCompletion } from './segql-completion.ts';
import { registerSegqlHover } from './segql-hover.ts';
import { registerSegqlLanguage } from './segql-language.ts';
import { registerSqlCompletion } from './sql-completion.ts';
import { registerSqlHover } from './sql-hover.ts';
import { defineThemes, followSystemTheme } from './themes.ts';

// Only the plain editor worker: no TypeScript, JSON, CSS or HTML workers are shipped.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerSegqlLanguage();
registerSegqlCompletion();
registerSegqlHover();
registerSqlCompletion();
registerSqlHover();
defineThemes();
followSystemTheme();

export { CodeEditor } from './code-editor.ts';
export { adoptMonacoStyles } from './shadow-styles.ts';
export { monaco };
