// Drives the HTTP contract of DESIGN.md §8 (written once in @tokenward/example-contract) over real
// HTTP against the Nest app, started the way `pnpm start` does (bootstrap on a free port).
import { describeExampleContract } from '@tokenward/example-contract';
import { bootstrap } from '../src/bootstrap.js';

describeExampleContract('examples/nestjs', async (env) => {
  const running = await bootstrap({ ...env, PORT: '0' });
  return { baseUrl: running.url, close: () => running.close() };
});

describe('examples/nestjs configuration', () => {
  test('PORT must be a port number', async () => {
    await expect(bootstrap({ PORT: 'eighty' })).rejects.toThrow('PORT');
  });
});
