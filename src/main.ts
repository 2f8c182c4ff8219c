// Browser entry: opens the getting-started notebook over the sample data and runs it.
// Saving, sharing and opening other notebooks hook into the controller (see src/ui/README.md).
import gettingStarted from '../notebooks/getting-started.seg.md?raw';
import { startBrowserEngine } from './engine/browser.ts';
import { parseNotebook } from './notebook/format.ts';
import { browserDataSource } from './ui/data-urls.ts';
import { NotebookController } from './ui/notebook-controller.ts';
import './ui/seg-notebook.ts';

const controller = new NotebookController({
  notebook: parseNotebook(gettingStarted),
  startEngine: startBrowserEngine,
  resolveData: browserDataSource(document.baseURI),
});
const page = document.querySelector('seg-notebook');
if (page) page.controller = controller;
void controller.start();
