import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const api = process.env['CC_API_URL'] ?? 'http://127.0.0.1:4000';

/**
 * The console. `vite` (npm run dev -w client) serves it with hot reload and proxies the API,
 * WebSocket included, to the server on :4000; `vite build` writes client/dist, which the
 * server serves at `/` on its own port (server/src/core/http/console-static.ts).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  define: {
    // vue-i18n's bundler build: Composition API only, no legacy API or devtools hooks in the bundle.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/__graphiql': { target: api },
      '/healthz': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
