// The app, run by boot.ts: opens the notebook shared in the address, else the one open last in this browser,
// else the getting-started notebook over the sample data, and runs it. The file menu saves, shares
// and opens others through the controller's hooks (see src/ui/README.md, src/storage, src/share).
import gettingStarted from '../notebooks/getting-started.seg.md?raw';
import { listenToAppEngine, startAppEngine } from './app-engine.ts';
import { DataPanelModel } from './data/data-panel-model.ts';
import { localDataSources } from './data/data-sources.ts';
import { openDataStore } from './data/opfs-files.ts';
import type { RestartReport } from './engine/types.ts';
import { prefetchSampleTable } from './engine/sample-tables.ts';
import { parseNotebook } from './notebook/format.ts';
import { keepOfflineCopy } from './offline-copy.ts';
import { openingSession } from './share/opening.ts';
import { NotebookController } from './ui/notebook-controller.ts';
import { mountDataPanel } from './ui/seg-data-panel.ts';
import { mountFileMenu } from './ui/seg-file-menu.ts';
import { mountGallery } from './ui/seg-gallery.ts';
import './ui/seg-notebook.ts';

const { session, outcome } = await openingSession(gettingStarted);
// The data paths resolve synchronously: the store is listed before the notebook runs.
await openDataStore();
// Files the analyst added are kept in the browser (OPFS), so a reload reads them without asking.
const resolveData = localDataSources(document.baseURI);
const controller = new NotebookController({
  notebook: parseNotebook(session.text),
  // Started already by the page's first script (boot.ts).
  startEngine: startAppEngine,
  resolveData,
});
// The sample data downloads while the engine starts, not once it has.
for (const entry of controller.data) prefetchSampleTable(resolveData(entry.path), entry.options);
const data = new DataPanelModel(controller);
listenToAppEngine({
  onRestart: (report) => void controller.engineRestarted(restartReason(report)),
  onLoadProgress: (table, progress) => data.loadProgress(table, progress),
});
session.attach(controller);
const page = document.querySelector('seg-notebook');
if (page) {
  mountDataPanel(page, data);
  page.controller = controller;
  const menu = mountFileMenu(page, { session, controller, sample: gettingStarted, opened: outcome });
  mountGallery(page, { open: (text) => session.open(text, { keep: false }), openBundle: () => menu.openBundle() });
}
// Once the first results are on screen, not before: the offline copy downloads, and the database
// that reads the analyst's text files opens (the sample data needs none; see src/engine).
controller.addEventListener(
  'run-end',
  () => {
    keepOfflineCopy();
    startAppEngine().then((engine) => engine.openLoader(), () => undefined);
  },
  { once: true },
);
void controller.start();

function restartReason(report: RestartReport): string {
  if (report.reason === 'stuck') return 'A query did not stop when interrupted, so the database engine was restarted';
  if (report.reason === 'crashed') return 'A query broke the database engine (it ran out of memory), so it was restarted';
  return 'The database engine was restarted';
}
