/**
 * The compiler's share of "keystroke → diagnostics" (#5), in Chromium: what the editor being typed
 * in does right after the keystroke — the program of every SegQL cell rebuilt with the cell's new
 * text (`buildProgram`, as NotebookLanguage and programWithCell do) and that cell checked against
 * the live catalog (`checkCell`) — then every other SegQL cell checked too, as each open editor
 * re-checks once typing pauses.
 */
import { buildProgram, checkCell, type Catalog, type CellSource } from '../../../src/lang/index.ts';

export interface DiagnosticsTiming {
  /** buildProgram + checkCell of the typed-in cell, per round. */
  cell: number[];
  /** The other SegQL cells' checkCell, per round. */
  others: number[];
  /** The typed-in cell's diagnostics with the typo, to check the measurement found the error. */
  messages: string[];
}

export interface BenchDiagnostics {
  time(cells: CellSource[], catalog: Catalog, cell: number, typo: string, rounds: number): DiagnosticsTiming;
}

declare global {
  interface Window {
    benchDiagnostics?: BenchDiagnostics;
  }
}

window.benchDiagnostics = {
  time(cells, catalog, cell, typo, rounds) {
    const timing: DiagnosticsTiming = { cell: [], others: [], messages: [] };
    const original = cells.find((c) => c.index === cell)!.source;
    for (let round = 0; round < rounds; round++) {
      // Alternate the typo and the original text, as typing and deleting a character do.
      const source = round % 2 === 0 ? typo : original;
      const started = performance.now();
      const program = buildProgram(cells.map((c) => (c.index === cell ? { index: cell, source } : c)));
      const found = checkCell(program, cell, catalog);
      const checked = performance.now();
      for (const other of cells) if (other.index !== cell) checkCell(program, other.index, catalog);
      const finished = performance.now();
      if (round % 2 === 0) {
        timing.cell.push(checked - started);
        timing.others.push(finished - checked);
        if (round === 0) timing.messages = found.map((d) => d.message);
      }
    }
    return timing;
  },
};
