// Builds the Node hosts (CLI + `serve`) and the job worker into out/node as ES modules.
// Dependencies stay external: better-sqlite3 is a native addon and must be loaded from node_modules.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'better-sqlite3',
  'hyparquet',
  'hyparquet-compressors',
  'hyparquet-writer',
  'zod',
];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        cli: 'src/cli/index.ts',
        'job-worker': 'src/core/jobs/worker-entry.ts',
        // Parses native rollout lines on a second core during an import (src/core/rollouts/native/parallel.ts).
        'rollout-parse-worker': 'src/core/rollouts/native/parse-worker.ts',
        // Reads and formats half of a large text export on a second core (src/core/export/parallel-pass.ts).
        'export-read-worker': 'src/core/export/read-helper-entry.ts',
        'contamination-worker': 'src/core/contamination/analysis-worker.ts',
      },
      external,
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
