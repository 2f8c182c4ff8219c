import * as monaco from 'monaco-editor/editor';

/**
 * Light and dark editor themes over Monaco's own, with colours for SegQL's token classes
 * (segql-highlight.ts) and backgrounds matching the page's panels (src/ui/page.css). Monaco has
 * one theme for all editors; it follows the system's colour scheme.
 */
const LIGHT = 'segbook-light';
const DARK = 'segbook-dark';

export function defineThemes(): void {
  monaco.editor.defineTheme(LIGHT, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'function', foreground: '795E26' },
      { token: 'identifier.quoted', foreground: '001080' },
      { token: 'number.date', foreground: '0451A5' },
      { token: 'operator', foreground: '57606A' },
    ],
    colors: {
      'editor.background': '#f6f8fa',
      'editorGutter.background': '#f6f8fa',
      'editorLineNumber.foreground': '#6e7781',
      'editorLineNumber.activeForeground': '#1f2328',
      'editor.lineHighlightBackground': '#eaeef2',
    },
  });
  monaco.editor.defineTheme(DARK, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'function', foreground: 'DCDCAA' },
      { token: 'identifier.quoted', foreground: '9CDCFE' },
      { token: 'number.date', foreground: '4FC1FF' },
      { token: 'operator', foreground: 'C9D1D9' },
    ],
    colors: {
      'editor.background': '#151b23',
      'editorGutter.background': '#151b23',
      'editorLineNumber.foreground': '#8b949e',
      'editorLineNumber.activeForeground': '#e6edf3',
      'editor.lineHighlightBackground': '#1f2630',
    },
  });
}

/** Sets the theme for the system's scheme now and whenever it changes. */
export function followSystemTheme(): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => monaco.editor.setTheme(dark.matches ? DARK : LIGHT);
  apply();
  dark.addEventListener('change', apply);
}
