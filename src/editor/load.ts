/** The only door to Monaco: a dynamic import, started once, by the first editor or by preloadEditor(). */
type Runtime = typeof import('./monaco-runtime.ts');

let runtime: Promise<Runtime> | undefined;

export function loadEditorRuntime(): Promise<Runtime> {
  runtime ??= import('./monaco-runtime.ts');
  return runtime;
}

/** Starts loading Monaco ahead of the first editor (e.g. once the first results are on screen). */
export function preloadEditor(): void {
  void loadEditorRuntime();
}
