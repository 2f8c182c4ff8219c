// The notebook controller on the real engine (DuckDB-WASM in Node) over the getting-started notebook.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import type { CellStatus } from '../../src/notebook/outcome.ts';
import { NotebookController } from '../../src/ui/notebook-controller.ts';

const NOTEBOOKS = join(import.meta.dirname, '../../notebooks');
const GETTING_STARTED = readFileSync(join(NOTEBOOKS, 'getting-started.seg.md'), 'utf8');
const DEBOUNCE_MS = 30;
let engine: Engine;

beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine?.close();
});

/** A controller over `text` on the shared engine, recording every status each cell (by id) passed through. */
function open(text = GETTING_STARTED) {
  const controller = new NotebookController({
    notebook: parseNotebook(text),
    startEngine: async () => engine,
    resolveData: (path) => ({ kind: 'path', path: join(NOTEBOOKS, path) }),
    debounceMs: DEBOUNCE_MS,
  });
  const seen = new Map<string, CellStatus[]>();
  controller.addEventListener('change', () => {
    for (const view of controller.cells) {
      if (!view.outcome) continue;
      const list = seen.get(view.cell.id) ?? [];
      if (list.at(-1) !== view.outcome.status) list.push(view.outcome.status);
      seen.set(view.cell.id, list);
    }
  });
  const ran = () => controller.cells.filter((v) => seen.get(v.cell.id)?.includes('running')).map((v) => v.index);
  return { controller, seen, ran, forget: () => seen.clear() };
}

const idOf = (controller: NotebookController, index: number) => controller.cells[index]!.cell.id;
const sizeOf = (controller: NotebookController, index: number, segment: string) => {
  const result = controller.cells[index]!.results[0]!;
  return result.rows.find((row) => row[0] === segment)?.[result.columns.indexOf('size')];
};

/** Resolves once a keystroke has reached the runner: after the next frame in a browser, the next task here. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves after the debounced run that an edit schedules has finished. */
async function settle(controller: NotebookController): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 20));
  while (controller.busy) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A cell added at the end with `source` (and, for SQL, a view name): its id. */
function addCell(controller: NotebookController, kind: 'seg' | 'sql', source: string, name?: string): string {
  const id = controller.insert(controller.cells.length, kind);
  controller.editSource(id, source);
  if (name) controller.setName(id, name);
  return id;
}

/** A SQL cell added at the end, running `sql` (by default a query that never ends): its id and its run. */
async function runSlow(controller: NotebookController, sql = 'select count(*) from range(100000000000) a') {
  const id = addCell(controller, 'sql', sql);
  await nextTask();
  const running = controller.runCell(id);
  while (controller.cells.find((v) => v.cell.id === id)?.status !== 'running') await new Promise((resolve) => setTimeout(resolve, 5));
  return { id, running };
}

describe('NotebookController', () => {
  it('lists only the opened notebook\'s tables as soon as another notebook is opened', async () => {
    const { controller } = open();
    await controller.start();
    controller.setNotebook(parseNotebook(readFileSync(join(NOTEBOOKS, 'b2b.seg.md'), 'utf8')));
    expect(controller.tables.map((t) => t.name)).not.toContain('orders');
    await settle(controller);
    expect(controller.tables.map((t) => [t.name, t.status])).toEqual([['accounts', 'loaded'], ['deals', 'loaded']]);
    controller.setNotebook(parseNotebook(GETTING_STARTED));
    await settle(controller);
    expect(controller.tables.map((t) => [t.name, t.status])).toEqual([['customers', 'loaded'], ['orders', 'loaded']]);
  });

  it('starts the engine, loads the data and runs every cell', async () => {
    const { controller } = open();
    expect(controller.phase.step).toBe('starting');
    await controller.start();
    expect(controller.phase).toEqual({ step: 'ready' });
    expect(controller.title).toBe('Getting started with Segbook');
    expect(controller.tables.map((t) => [t.name, t.status])).toEqual([['customers', 'loaded'], ['orders', 'loaded']]);
    const code = controller.cells.filter((v) => v.cell.kind !== 'markdown');
    expect(code.map((v) => v.status)).toEqual(code.map(() => 'done'));
    expect(code.every((v) => v.current)).toBe(true);
    expect(controller.cells[3]!.results.map((r) => r.statement)).toEqual(['compare']);
    expect(controller.language.catalog().tables.map((t) => t.name)).toContain('big_spenders');
    expect(controller.lastRun?.ok).toBe(true);
  });

  it('re-runs an edited definition and the cells that use it after the pause, and nothing else: not the cells that use only its neighbours', async () => {
    const { controller, ran, forget, seen } = open();
    await controller.start();
    const before = sizeOf(controller, 3, 'lapsed');
    forget();
    const segments = idOf(controller, 3);
    const source = controller.cells[3]!.cell.source.replace('segment lapsed = not active and spend > 0', 'segment lapsed = not active and spend > 500');
    controller.editSource(segments, source);
    await nextTask();
    // Once the edit reached the runner: the cell is out of date and keeps showing its results, dimmed.
    expect(controller.cells[3]!.status).toBe('stale');
    expect(controller.cells[3]!.current).toBe(false);
    expect(controller.cells[3]!.results).toHaveLength(1);
    await settle(controller);
    // Cell 3 ran again, and the SQL cell that reads the views it made again. The cells that use
    // only its other segments (big_spenders, active_big_spenders, active) have the same SQL and
    // keep their results; the population's cell did not run either.
    expect(ran()).toEqual([3, 9]);
    expect(seen.get(idOf(controller, 1))).not.toContain('running');
    expect(sizeOf(controller, 3, 'lapsed')).toBeLessThan(before as number);
  });

  it('a keystroke gives a new view to the edited cell alone, and once it reached the runner to the cells it made stale', async () => {
    const { controller } = open();
    await controller.start();
    const before = controller.cells;
    expect(controller.cells.every((view, i) => view === before[i])).toBe(true);
    const source = before[3]!.cell.source.replace('spend > 0', 'spend > 5');
    controller.editSource(before[3]!.cell.id, source);
    const typed = controller.cells;
    expect(typed.flatMap((view, i) => (view === before[i] ? [] : [i]))).toEqual([3]);
    expect(typed[3]!.cell.source).toBe(source);
    await nextTask();
    const after = controller.cells;
    const renewed = after.flatMap((view, i) => (view === before[i] ? [] : [i]));
    expect(renewed).toEqual([3, 5, 7, 9, 11]);
    expect(renewed.map((i) => after[i]!.status)).toEqual(renewed.map(() => 'stale'));
    expect(after[3]!.cell.source).toBe(source);
    await settle(controller);
    expect(controller.cells.filter((v) => v.cell.kind !== 'markdown').every((v) => v.status === 'done' && v.current)).toBe(true);
  });

  it('running a cell in the same frame as a keystroke runs the text just typed', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    forget();
    const id = idOf(controller, 5);
    controller.editSource(id, 'compare big_spenders by country');
    await controller.runCell(id);
    expect(ran()).toEqual([5]);
    expect(controller.cells[5]!.status).toBe('done');
    expect(controller.cells[5]!.results[0]!.columns).toEqual(['segment', 'country', 'size', 'share']);
  });

  it('running an up-to-date cell runs it again (new random numbers), and not the cells it needs', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    const id = addCell(controller, 'sql', 'select random() as r, count(*) as n from big_spenders');
    await controller.runCell(id);
    const first = controller.cells.at(-1)!.results[0]!.rows[0]![0];
    forget();
    await controller.runCell(id);
    expect(ran()).toEqual([controller.cells.length - 1]);
    expect(controller.cells.at(-1)!.results[0]!.rows[0]![0]).not.toEqual(first);
    forget();
    await controller.runAll();
    expect(ran()).toEqual([]);
  });

  it('running a view\'s cell again makes the cells that read it read it anew', async () => {
    const { controller } = open();
    await controller.start();
    const maker = addCell(controller, 'sql', 'select random() as x from range(3)', 'draws');
    addCell(controller, 'sql', 'select x from draws');
    await controller.runAll();
    const before = controller.cells.at(-1)!.results[0]!.rows;
    await controller.runCell(maker);
    expect(controller.cells.at(-1)!.status).toBe('done');
    expect(controller.cells.at(-1)!.results[0]!.rows).not.toEqual(before);
  });

  it('follows two cells of the same text by their ids: moved above the other, the first is the one defined twice no more', async () => {
    const { controller } = open();
    await controller.start();
    const twin = 'segment twin = spend > 100\ncompare twin';
    const first = addCell(controller, 'seg', twin);
    controller.insert(controller.cells.length, 'sql');
    const second = addCell(controller, 'seg', twin);
    await controller.runAll();
    const view = (id: string) => controller.cells.find((v) => v.cell.id === id)!;
    expect([view(first).status, view(second).status]).toEqual(['done', 'error']);
    controller.move(second, -1);
    controller.move(second, -1);
    await settle(controller);
    expect([view(second).status, view(first).status]).toEqual(['done', 'error']);
    expect(view(first).errors[0]!.message).toMatch(/'twin' is already defined/);
  });

  it('deleting the running cell stops its query; the cells waiting behind it run', async () => {
    const { controller } = open();
    await controller.start();
    const slow = addCell(controller, 'sql', 'select count(*) from range(100000000000) a');
    const after = addCell(controller, 'sql', 'select 3 as three');
    await nextTask();
    const running = controller.runAll();
    while (controller.cells.find((v) => v.cell.id === slow)?.status !== 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    controller.remove(slow);
    await running;
    await settle(controller);
    const view = controller.cells.find((v) => v.cell.id === after)!;
    expect(view.status).toBe('done');
    expect(view.results[0]!.rows).toEqual([[3]]);
  });

  it('a blank SQL cell is not yet written, as a blank SegQL cell: no error', async () => {
    const { controller } = open();
    await controller.start();
    controller.insert(controller.cells.length, 'sql');
    controller.insert(controller.cells.length, 'seg');
    await controller.runAll();
    expect(controller.cells.slice(-2).map((v) => [v.status, v.errors])).toEqual([['done', []], ['done', []]]);
  });

  it('counts no cell as run in a new notebook or one of text alone: nothing the analyst wrote ran', async () => {
    for (const text of ['---\ntitle: Untitled notebook\n---\n\n```seg\n\n```\n', '# Notes\n\nNothing to run here.\n\n```seg\n\n```\n']) {
      const { controller } = open(text);
      await controller.start();
      expect(controller.lastExecution, text).toEqual({ cells: 0, ms: 0 });
    }
    // Every cell with code counts, the population's too, though its definitions wait for a segment to be made SQL.
    const started = open();
    await started.controller.start();
    expect(started.controller.lastExecution?.cells).toBe(6);
    const { controller } = open('```seg\n\n```\n');
    await controller.start();
    controller.editSource(idOf(controller, 0), 'select 1 as one');
    controller.setKind(idOf(controller, 0), 'sql');
    await settle(controller);
    expect(controller.lastExecution?.cells).toBe(1);
  });

  it('says how far a run is, cell by cell, counting only the cells with code it queued', async () => {
    const { controller } = open();
    const messages: string[] = [];
    // Read as the page reads it: once the events of a moment are in (Lit renders in a microtask).
    controller.addEventListener('change', () =>
      queueMicrotask(() => {
        const phase = controller.phase;
        if (phase.step === 'running' && messages.at(-1) !== phase.message) messages.push(phase.message);
      }),
    );
    controller.insert(controller.cells.length, 'seg');
    await controller.start();
    const code = controller.cells.filter((v) => v.cell.kind !== 'markdown' && v.cell.source.trim() !== '').length;
    expect(code).toBeGreaterThan(3);
    expect(messages).toEqual(['Running…', ...Array.from({ length: code }, (_, i) => `Running cell ${i + 1} of ${code}…`)]);
    // A cell with what it needs: those up to date keep their results at once, and count as done.
    messages.length = 0;
    await controller.runCell(idOf(controller, 5));
    expect(messages.slice(1).map((m) => /^Running cell (\d) of (\d)…$/.exec(m)?.slice(1).map(Number))).toEqual([[1, 3], [2, 3], [3, 3]]);
    messages.length = 0;
    await controller.runCell(addCell(controller, 'sql', 'select 42 as answer'));
    expect(messages).toEqual(['Running…', 'Running 1 cell…']);
  });

  it('keeps each segment\'s colour when a segment is inserted above the others, for the page and the report alike', () => {
    const { controller } = open();
    const segments = controller.cells.findIndex((v) => v.cell.source.startsWith('segment active'));
    const before = controller.segmentColours();
    const names = ['active', 'big_spenders', 'lapsed', 'active_big_spenders'];
    const id = idOf(controller, segments);
    controller.editSource(id, `segment window_shoppers = orders_last_year = 0\n${controller.cells[segments]!.cell.source}`);
    const after = controller.segmentColours();
    expect(names.map((name) => after.of(name))).toEqual(names.map((name) => before.of(name)));
    expect(names.map((name) => before.of(name))).not.toContain(after.of('window_shoppers'));
    expect(controller.segmentColours()).toBe(after);
  });

  it('an edit to a cell nothing depends on runs that cell alone', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    forget();
    controller.editSource(idOf(controller, 5), 'compare big_spenders by country');
    await settle(controller);
    expect(ran()).toEqual([5]);
    expect(controller.cells[5]!.results[0]!.columns).toEqual(['segment', 'country', 'size', 'share']);
    expect(controller.cells.filter((v) => v.cell.kind !== 'markdown').every((v) => v.status === 'done' && v.current)).toBe(true);
  });

  it('says a run is still to come from a keystroke until that run has started, so a waiter can tell idle from about to run', async () => {
    const { controller } = open();
    await controller.start();
    expect(controller.runScheduled).toBe(false);
    controller.editSource(idOf(controller, 5), 'compare big_spenders by country');
    expect([controller.runScheduled, controller.busy]).toEqual([true, false]);
    await nextTask();
    expect([controller.runScheduled, controller.busy]).toEqual([true, false]);
    while (controller.runScheduled) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(controller.busy).toBe(true);
    await settle(controller);
    expect([controller.runScheduled, controller.busy]).toEqual([false, false]);
  });

  it('shows a typo as an error under the cell with "did you mean", without doubling the editor\'s own marker', async () => {
    const { controller } = open();
    await controller.start();
    const id = idOf(controller, 5);
    controller.editSource(id, 'compare big_spenders by regoin');
    await settle(controller);
    const view = controller.cells[5]!;
    expect(view.status).toBe('error');
    expect(view.outcome?.errors).toEqual([{ message: "unknown column 'regoin' — did you mean 'region'?", line: 1, column: 25 }]);
    expect(view.errors).toEqual(view.outcome?.errors);
    expect(view.diagnostics).toEqual([]);
    // The chart from before the typo stays, dimmed under the error, rather than leaving a gap.
    expect(view.kept).toBe(true);
    expect(view.results.map((r) => r.statement)).toEqual(['compare']);
    expect(view.results[0]!.columns).toContain('region');
  });

  it('places a SQL error at the name DuckDB quotes, under the cell and in the editor', async () => {
    const { controller } = open();
    await controller.start();
    const id = idOf(controller, 9);
    controller.editSource(id, 'select country, count(*)\nfrom big_spenders\ngroup by countyr');
    await settle(controller);
    const view = controller.cells[9]!;
    expect(view.status).toBe('error');
    expect(view.errors).toEqual([{ message: "no table in FROM has a column 'countyr' — did you mean 'country'?", line: 3, column: 10 }]);
    expect(view.diagnostics).toHaveLength(1);
    expect(view.diagnostics[0]!.span).toMatchObject({ line: 3, column: 10, endLine: 3, endColumn: 17 });
  });

  it('shows a SQL typo as a syntax error saying which keyword was meant, at the word where DuckDB stopped', async () => {
    const { controller } = open();
    await controller.start();
    const id = idOf(controller, 9);
    controller.editSource(id, 'select country, count(*)\nfrm big_spenders\ngroup by country');
    await settle(controller);
    const view = controller.cells[9]!;
    expect(view.status).toBe('error');
    expect(view.errors).toEqual([{ message: `syntax error at or near "big_spenders" — did you mean 'from' for 'frm'?`, line: 2, column: 5 }]);
    expect(view.diagnostics[0]!.span).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 17 });
  });

  it('inserts, moves, deletes and undoes without losing text; the file text round-trips', async () => {
    const { controller } = open();
    expect(controller.text()).toBe(GETTING_STARTED);
    const id = controller.insert(2, 'sql');
    controller.editSource(id, 'select 1 as one');
    controller.setName(id, 'one');
    expect(controller.getNotebook().cells[2]).toEqual({ kind: 'sql', source: 'select 1 as one', name: 'one' });
    controller.move(id, 1);
    expect(controller.cells[3]!.cell.id).toBe(id);
    controller.remove(id);
    expect(controller.cells.some((v) => v.cell.id === id)).toBe(false);
    expect(controller.lastDeleted?.source).toBe('select 1 as one');
    expect(controller.undoRemove()).toBe(id);
    expect(controller.cells[3]!.cell).toMatchObject({ id, kind: 'sql', name: 'one', source: 'select 1 as one' });
    controller.setKind(id, 'seg');
    expect(controller.getNotebook().cells[3]).toEqual({ kind: 'seg', source: 'select 1 as one' });
    controller.remove(id);
    expect(controller.text()).toBe(GETTING_STARTED);
  });

  it('interrupt cancels a run: it reports cancelled and the cells stay out of date', async () => {
    const { controller } = open();
    const starting = controller.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.interrupt();
    await starting;
    expect(controller.lastRun?.cancelled).toBe(true);
    expect(controller.cells.filter((v) => v.cell.kind !== 'markdown').every((v) => v.status === 'stale')).toBe(true);
    await controller.runAll();
    expect(controller.lastRun?.ok).toBe(true);
  });

  it('after the engine restarted (views gone) every cell is out of date, keeps its results, and runs again when asked', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    await engine.query('DROP VIEW big_spenders');
    forget();
    controller.engineRestarted('A query did not stop when interrupted, so the database engine was restarted');
    const code = controller.cells.filter((v) => v.cell.kind !== 'markdown');
    expect(code.map((v) => v.status)).toEqual(code.map(() => 'stale'));
    expect(controller.cells[3]!.results).toHaveLength(1);
    expect(controller.lastNotice).toMatch(/^A query did not stop when interrupted, so the database engine was restarted\. Results are shown as they were/);
    await controller.runCell(idOf(controller, 9));
    expect(ran()).toEqual([1, 3, 9]);
    expect(controller.cells[9]!.results[0]!.rows.length).toBeGreaterThan(0);
    await controller.runAll();
    expect(controller.lastRun?.ok).toBe(true);
  });

  it('an interrupted cell waits: edits elsewhere do not run it again', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    const { running } = await runSlow(controller);
    controller.interrupt();
    await running;
    expect(controller.cells.at(-1)!.status).toBe('stale');
    forget();
    controller.editSource(idOf(controller, 5), 'compare big_spenders by country');
    await settle(controller);
    expect(ran()).toEqual([5]);
    expect(controller.cells.at(-1)!.status).toBe('stale');
  });

  it('an interrupted cell waits: adding, deleting or undeleting other cells does not run it again', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    const { id: slow, running } = await runSlow(controller);
    controller.interrupt();
    await running;
    forget();
    const blank = controller.insert(2, 'seg');
    await settle(controller);
    controller.remove(blank);
    await settle(controller);
    controller.undoRemove();
    await settle(controller);
    expect(ran().map((index) => idOf(controller, index))).not.toContain(slow);
    expect(controller.cells.at(-1)!.status).toBe('stale');
  });

  it('puts an interrupted cell back, when its delete is undone, still waiting: it does not run again by itself', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    const { id: slow, running } = await runSlow(controller);
    controller.interrupt();
    await running;
    controller.remove(slow);
    await settle(controller);
    forget();
    expect(controller.undoRemove()).toBe(slow);
    await settle(controller);
    expect(ran()).toEqual([]);
    expect(controller.cells.find((v) => v.cell.id === slow)!.status).toBe('stale');
  });

  it('is interrupted while a cell the interrupt left out of date is still there, and no longer once it is deleted', async () => {
    const { controller } = open();
    await controller.start();
    expect(controller.interrupted).toBe(false);
    const { id: slow, running } = await runSlow(controller);
    controller.stop();
    await running;
    expect(controller.lastRun?.cancelled).toBe(true);
    expect(controller.interrupted).toBe(true);
    controller.remove(idOf(controller, 5));
    await settle(controller);
    expect(controller.interrupted).toBe(true);
    controller.remove(slow);
    await settle(controller);
    expect(controller.interrupted).toBe(false);
  });

  it('a running query goes on while cells are added, deleted or moved around it, and its result lands on its cell', async () => {
    const { controller, ran, forget } = open();
    await controller.start();
    forget();
    const { id: slow, running } = await runSlow(controller, 'select count(*) as n from range(30000000) a');
    const blank = controller.insert(0, 'markdown');
    controller.move(idOf(controller, 4), 1);
    controller.remove(blank);
    const report = await running;
    expect(report?.cancelled).toBe(false);
    await settle(controller);
    const view = controller.cells.find((v) => v.cell.id === slow)!;
    expect(view.status).toBe('done');
    expect(view.results[0]!.rows).toEqual([[30000000]]);
    expect(ran()).toEqual([controller.cells.length - 1]);
  });

  it('interrupting a run leaves the cells it had not reached as they were: up to date ones stay up to date', async () => {
    const { controller } = open();
    await controller.start();
    const { running } = await runSlow(controller, 'select count(*) from range(100000000000) a, big_spenders');
    // An edit while it runs: its run (the edited cell, with the cells it needs) waits behind it.
    controller.editSource(idOf(controller, 5), 'compare big_spenders by country');
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 50));
    controller.interrupt();
    await running;
    await settle(controller);
    const status = (index: number) => controller.cells[index]!.status;
    expect([status(1), status(3), status(5), controller.cells.at(-1)!.status]).toEqual(['done', 'done', 'stale', 'stale']);
  });

  it('deleting a definition runs the cells that used it, which now say what is missing', async () => {
    const { controller } = open();
    await controller.start();
    controller.editSource(idOf(controller, 5), 'segment whales = spend > 5000\ncompare whales');
    await settle(controller);
    const user = controller.insert(6, 'seg');
    controller.editSource(user, 'show whales limit 3');
    await settle(controller);
    expect(controller.cells[6]!.status).toBe('done');
    controller.remove(idOf(controller, 5));
    await settle(controller);
    const view = controller.cells[5]!;
    expect(view.cell.id).toBe(user);
    expect(view.status).toBe('error');
    expect(view.errors[0]!.message).toMatch(/whales/);
  });

  it('renaming a view in the same frame as a keystroke elsewhere still runs the cells that read the old name', async () => {
    const { controller } = open();
    await controller.start();
    const view = addCell(controller, 'sql', 'select 1 as one', 'one');
    addCell(controller, 'sql', 'select * from one');
    await controller.runAll();
    expect(controller.cells.at(-1)!.status).toBe('done');
    const expectations = idOf(controller, 11);
    controller.editSource(expectations, `${controller.cells[11]!.cell.source}\n`);
    controller.setName(view, 'uno');
    await settle(controller);
    expect(controller.cells.at(-1)!.status).toBe('error');
    expect(controller.cells.at(-1)!.errors[0]!.message).toMatch(/one/);
  });
  it("gives the page a segment's hint at text in quotes that the data holds in another case, under the cell it ran in", async () => {
    const { controller } = open();
    await controller.start();
    addCell(controller, 'seg', "segment americans = country = 'us'");
    await controller.runAll();
    const view = controller.cells.at(-1)!;
    expect(view.status).toBe('done');
    expect(view.summary).toEqual([{ name: 'americans', size: 0 }]);
    expect(view.outcome?.warnings).toEqual([{ line: 1, column: 31, message: "no one in customers has country 'us'; 867 have 'US' — text comparisons are exact, case included" }]);
    // The editor marks the text itself, as a warning.
    expect(view.diagnostics.map((d) => [d.severity, d.span.line, d.span.column, d.span.endColumn, d.message])).toEqual([['warning', 1, 31, 35, view.outcome!.warnings![0]!.message]]);
  });
});
