import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const backend = 'http://localhost:3000';
const proxy = { '/api': backend, '/healthz': backend };

/** Vendor chunks: each group becomes its own file so no single chunk carries all of antd + react + echarts. */
const vendorGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|tslib|size-sensor)[\\/]/, priority: 40 },
  { name: 'antd-icons', test: /[\\/]node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
  { name: 'antd-rc', test: /[\\/]node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/, priority: 30 },
  { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@emotion)[\\/]/, priority: 30 },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

// https://vite.dev/config/ (Vite 8 bundles with Rolldown: `rolldownOptions.output.codeSplitting`)
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Two pages: the console, and the light public side for residents (src/public).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
