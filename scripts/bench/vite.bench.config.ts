// The app's own build plus the benchmark pages, into bench-data/ so dist/ (the e2e harness's) is left alone.
import { mergeConfig } from 'vite';
import app from '../../vite.config.ts';

export const BENCH_DIST = 'bench-data/browser-dist';

export default mergeConfig(app, {
  build: {
    outDir: BENCH_DIST,
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        'bench-bare': 'scripts/bench/pages/bare.html',
        'bench-engine': 'scripts/bench/pages/engine.html',
        'bench-diagnostics': 'scripts/bench/pages/diagnostics.html',
      },
    },
  },
});
