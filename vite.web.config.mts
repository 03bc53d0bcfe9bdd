// The renderer as a plain web bundle, served by `rl-curator serve` (browser mode and the e2e tests).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
