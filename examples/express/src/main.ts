// `pnpm start`: runs the built app with the configuration of the environment.
import { createApp } from './app.js';
import { configFromEnv } from './config.js';

const { port, config, close } = configFromEnv();
const server = createApp(config).listen(port, () => {
  console.log(`tokenward Express example on http://localhost:${port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void close());
    server.closeAllConnections();
  });
}
