import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards everything that is not the client itself to the real server, so the
// app talks to one origin in development exactly as it does in production.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    target: 'es2022',
  },
});
