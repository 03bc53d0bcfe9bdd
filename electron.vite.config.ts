// Desktop build: main (plus the core utility process), a CommonJS preload for the sandbox, and the renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: 'src/main/index.ts',
          'core-process': 'src/main/core-process.ts',
          'job-worker': 'src/core/jobs/worker-entry.ts',
          // Parses rollout lines on a second core during a rollout import, found beside the job worker at run time.
          'rollout-parse-worker': 'src/core/rollouts/native/parse-worker.ts',
          // Reads half of a large text export on a second core, found beside the job worker at run time.
          'export-read-worker': 'src/core/export/read-helper-entry.ts',
          'contamination-worker': 'src/core/contamination/analysis-worker.ts',
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may only require('electron'): bundle everything else, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: 'src/renderer/index.html' } },
    },
  },
});
