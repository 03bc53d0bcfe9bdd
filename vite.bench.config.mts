// Builds the benchmark drivers (scripts/bench/*.ts) against the real core into out/bench.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/bench',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        prompts: 'scripts/bench/prompts.ts',
        export: 'scripts/bench/export.ts',
        rollouts: 'scripts/bench/rollouts.ts',
        verify: 'scripts/bench/verify.ts',
        'verify-job': 'scripts/bench/verify-job.ts',
        // The one seeded generator, for the plain .mjs input generators (generate.mjs, viewer-data.mjs).
        random: 'src/shared/random.ts',
        contamination: 'scripts/bench/contamination.ts',
      },
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        'better-sqlite3',
        /^hyparquet/,
        'zod',
        'csv-parse',
        /^csv-parse\//,
        'mathjs',
        /^@duckdb\//,
      ],
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
