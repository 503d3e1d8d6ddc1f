import react from '@vitejs/plugin-react';
import { NodePackageImporter } from 'sass';
import { defineConfig } from 'vite';

const API = 'http://localhost:3000';

export default defineConfig({
  base: '/hub/',
  plugins: [react()],
  resolve: {
    // npm nests a copy of react-router under each workspace; one copy must serve them all, or
    // the router context of the app is not the one the ui package reads.
    dedupe: ['react', 'react-dom', 'react-router', '@tanstack/react-query'],
  },
  css: {
    preprocessorOptions: {
      scss: { importers: [new NodePackageImporter()], quietDeps: true },
    },
  },
  build: {
    outDir: 'dist',
    manifest: true,
    // lightningcss rejects govuk-frontend's old IE media hacks (see docs/TOOLCHAIN notes).
    cssMinify: 'esbuild',
    sourcemap: true,
    rolldownOptions: {
      // @coproduce/domain builds its zod schemas at module level; the apps use its constants
      // and policy, not the schemas. Marking schema construction pure lets unused schemas (and
      // with them most of zod) drop out of the browser bundle.
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
  server: {
    port: 5173,
    proxy: { '/trpc': API, '/api': API },
  },
});
