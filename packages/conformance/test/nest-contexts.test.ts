// The rows of the table that apply outside HTTP (a bearer token or none, on /protected and
// /admin), run against Nest over GraphQL and over socket.io: the same verdicts, each in its
// transport's terms (GraphQL `extensions.tokenward`, socket.io's `exception` event).
import { MemoryRevocationStore } from '@tokenward/core';
import { io } from 'socket.io-client';
import request from 'supertest';
import type { RunningApp } from '../src/adapter.js';
import { ISSUER, NOW, NOW_MS, REVOKED_JTI } from '../src/fixtures.js';
import { startNestContexts } from '../src/lib/nest-contexts-app.js';
import { profileConfig } from '../src/profiles.js';
import type { Scenario } from '../src/scenario.js';
import { SCENARIOS } from '../src/scenarios.js';

type Body = { sub?: unknown; code?: string; error_description?: string };

// A GET of /protected or /admin in the default profile, with at most an Authorization header.
const ROWS = SCENARIOS.filter(
  (s) =>
    (s.profile ?? 'default') === 'default' &&
    (s.method ?? 'GET') === 'GET' &&
    (s.path === '/protected' || s.path === '/admin') &&
    Array.isArray(s.headers ?? []) &&
    ((s.headers ?? []) as readonly (readonly [string, string])[]).every(
      ([name]) => name.toLowerCase() === 'authorization',
    ) &&
    ((s.headers ?? []) as readonly unknown[]).length <= 1,
);
const authorization = (s: Scenario): string | undefined =>
  ((s.headers ?? []) as readonly (readonly [string, string])[])[0]?.[1];
const field = (s: Scenario): string => s.path.slice(1);

let app: RunningApp;
let revocation: MemoryRevocationStore;

beforeAll(async () => {
  revocation = new MemoryRevocationStore({ clock: () => NOW_MS });
  await revocation.revoke({ jti: REVOKED_JTI, iss: ISSUER, exp: NOW + 3600 });
  const dead = 'http://127.0.0.1:9/jwks.json';
  app = await startNestContexts(
    profileConfig('default', {
      jwksUrl: dead,
      deadJwksUrl: dead,
      revocation,
      brokenRevocation: revocation,
    }),
  );
});
afterAll(async () => {
  await app?.close();
  revocation?.close();
});

test('the rows cover missing, expired, revoked, wrong role, wrong audience and valid tokens', () => {
  const names = ROWS.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([
      'no credentials',
      'expired token',
      'revoked token',
      'role admin missing (403 with scope)',
      'wrong audience',
      'valid token in the Authorization header',
      'role admin present',
    ]),
  );
});

describe('nest over GraphQL', () => {
  test.each(ROWS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const req = request(app.origin)
      .post('/graphql')
      .send({ query: `{ ${field(scenario)} }` });
    const header = authorization(scenario);
    const res = await (header === undefined ? req : req.set('Authorization', header));
    const { status } = scenario.expect;
    const body = scenario.expect.body as Body;
    if (status === 200) {
      expect(res.body).toEqual({ data: { [field(scenario)]: body.sub } });
      return;
    }
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toBe(body.error_description);
    expect(res.body.errors[0].extensions.tokenward).toEqual({ code: body.code, status });
  });
});

describe('nest over socket.io', () => {
  test.each(ROWS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const header = authorization(scenario);
    const socket = io(app.origin, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: header === undefined ? {} : { authorization: header },
    });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        socket.once('exception', (error: unknown) => resolve({ error }));
        socket.emit(field(scenario), {}, (answer: unknown) => resolve({ answer }));
      });
      const { status } = scenario.expect;
      const body = scenario.expect.body as Body;
      expect(outcome).toEqual(
        status === 200
          ? { answer: body }
          : { error: { status, code: body.code, message: body.error_description } },
      );
    } finally {
      socket.disconnect();
    }
  });
});
