/** `expect` results as badges: a green ✓ or a red ✗ per expectation, its text, and what was measured. */
import { html } from 'lit';
import type { Value } from '../engine/types.ts';
import type { CellResult } from '../notebook/outcome.ts';

export interface Expectation {
  expectation: string;
  passed: boolean;
  detail: string | null;
}

/** The rows of an `expect` result (spec §5: expectation, passed, detail). */
export function expectations(result: CellResult): Expectation[] {
  const at = (name: string) => result.columns.indexOf(name);
  const [text, passed, detail] = [at('expectation'), at('passed'), at('detail')];
  const read = (row: Value[], c: number) => (c >= 0 ? (row[c] ?? null) : null);
  return result.rows.map((row) => ({
    expectation: String(read(row, text) ?? ''),
    passed: read(row, passed) === true,
    detail: read(row, detail) === null ? null : String(read(row, detail)),
  }));
}

export function expectationsView(result: CellResult) {
  return html`<ul class="expectations">
    ${expectations(result).map(
      (e) => html`<li class=${e.passed ? 'pass' : 'fail'}>
        <span class="badge"><span aria-hidden="true">${e.passed ? '✓' : '✗'}</span> ${e.passed ? 'passed' : 'failed'}</span>
        <code class="expectation">${e.expectation}</code>
        ${e.detail ? html`<span class="detail">${e.detail}</span>` : ''}
      </li>`,
    )}
  </ul>`;
}
