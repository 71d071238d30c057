// Runs the whole table against a real server of every adapter in src/adapters/, over real HTTP.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MemoryRevocationStore, type RevocationStore } from '@tokenward/core';
import type { ConformanceAdapter, RunningApp } from '../src/adapter.js';
import { ISSUER, JWKS, NOW, NOW_MS, REVOKED_JTI } from '../src/fixtures.js';
import { send } from '../src/lib/send.js';
import { profileConfig, type ProfileName, type ProfileResources } from '../src/profiles.js';
import { SCENARIOS } from '../src/scenarios.js';

const ADAPTER_DIR = join(__dirname, '../src/adapters');
const ADAPTERS = readdirSync(ADAPTER_DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();
const PROFILES = [...new Set(SCENARIOS.map((s) => s.profile ?? 'default'))] as ProfileName[];

const running = new Map<string, RunningApp>();
const adapters = new Map<string, ConformanceAdapter>();
const servers: Server[] = [];
let revocation: MemoryRevocationStore;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
}

// A store of the app's own whose backend is unreachable: it rejects like a lost connection.
const brokenRevocation: RevocationStore = {
  isRevoked: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390')),
  revoke: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390')),
  revokeSubject: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6390')),
};

beforeAll(async () => {
  const jwksUrl = await serve((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(JWKS));
  });
  // A JWKS server the test stops: its port refuses connections from then on.
  const deadJwksUrl = await serve((_req, res) => res.end());
  await new Promise((resolve) => servers.pop()?.close(resolve));

  revocation = new MemoryRevocationStore({ clock: () => NOW_MS });
  await revocation.revoke({ jti: REVOKED_JTI, iss: ISSUER, exp: NOW + 3600 });
  const resources: ProfileResources = { jwksUrl, deadJwksUrl, revocation, brokenRevocation };

  for (const name of ADAPTERS) {
    const { adapter } = (await import(join(ADAPTER_DIR, name))) as { adapter: ConformanceAdapter };
    adapters.set(name, adapter);
    for (const profile of PROFILES) {
      running.set(`${name}/${profile}`, await adapter.start(profileConfig(profile, resources)));
    }
  }
});

afterAll(async () => {
  await Promise.all([...running.values()].map((app) => app.close()));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  revocation?.close();
});

test('at least 30 scenarios and every adapter present', () => {
  expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
  expect(ADAPTERS).toEqual(
    expect.arrayContaining([
      'express4',
      'express5',
      'koa2',
      'koa3',
      'nest-express',
      'nest-fastify',
    ]),
  );
  expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
});

describe.each(ADAPTERS)('%s', (adapter) => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const app = running.get(`${adapter}/${scenario.profile ?? 'default'}`);
    if (app === undefined) throw new Error(`no ${adapter} server for ${scenario.profile}`);
    const headers =
      typeof scenario.headers === 'function'
        ? scenario.headers(app.origin)
        : (scenario.headers ?? []);
    const res = await send(app.origin, scenario.method ?? 'GET', scenario.path, headers);
    const { status, body } = scenario.expect;
    const frame = adapters.get(adapter)?.errorBody;
    const expectedBody =
      status >= 400 && frame !== undefined ? frame(body as Record<string, unknown>, status) : body;

    expect({
      status: res.status,
      challenge: res.headers['www-authenticate'] ?? null,
      retryAfter: res.headers['retry-after'] ?? null,
      body: JSON.parse(res.body) as unknown,
    }).toEqual({
      status: scenario.expect.status,
      challenge: scenario.expect.challenge,
      retryAfter: scenario.expect.retryAfter ?? null,
      body: expectedBody,
    });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-injected']).toBeUndefined();
  });
});
