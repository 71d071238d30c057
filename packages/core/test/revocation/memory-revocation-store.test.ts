import { JwtError, MemoryRevocationStore } from '../../src/index.js';

const T0 = 1_700_000_000; // seconds

function makeStore(options: { toleranceSeconds?: number } = {}) {
  const time = { now: T0 * 1000 };
  const store = new MemoryRevocationStore({ ...options, clock: () => time.now });
  const at = (seconds: number) => (time.now = seconds * 1000);
  return { store, time, at };
}

async function rejectsWith(promise: Promise<unknown>, code: string, text?: string) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JwtError);
  expect((err as JwtError).code).toBe(code);
  if (text !== undefined) expect((err as JwtError).message).toContain(text);
}

let open: MemoryRevocationStore[] = [];
afterEach(() => {
  open.forEach((s) => s.close());
  open = [];
});
function tracked(options: { toleranceSeconds?: number } = {}) {
  const made = makeStore(options);
  open.push(made.store);
  return made;
}

describe('MemoryRevocationStore: tokens by (iss, jti)', () => {
  it('revokes exactly the (iss, jti) pair', async () => {
    const { store } = tracked();
    await store.revoke({ jti: 'a', iss: 'https://issuer-1', exp: T0 + 60 });
    expect(await store.isRevoked({ jti: 'a', iss: 'https://issuer-1' })).toBe(true);
    expect(await store.isRevoked({ jti: 'a', iss: 'https://issuer-2' })).toBe(false);
    expect(await store.isRevoked({ jti: 'a' })).toBe(false);
    expect(await store.isRevoked({ jti: 'b', iss: 'https://issuer-1' })).toBe(false);
    expect(await store.isRevoked({ iss: 'https://issuer-1' })).toBe(false);
  });

  it('treats a missing iss and an empty iss as the same key', async () => {
    const { store } = tracked();
    await store.revoke({ jti: 'a', exp: T0 + 60 });
    expect(await store.isRevoked({ jti: 'a' })).toBe(true);
    expect(await store.isRevoked({ jti: 'a', iss: '' })).toBe(true);
    expect(await store.isRevoked({ jti: 'a', iss: 'x' })).toBe(false);
  });

  it('never drops an entry before ceil(exp + tolerance), and drops it from then on', async () => {
    const { store, at } = tracked();
    await store.revoke({ jti: 'a', iss: 'i', exp: T0 + 10.5 });
    at(T0 + 10.5 + 300 + 0.499); // ceil(T0 + 310.5) = T0 + 311
    expect(await store.isRevoked({ jti: 'a', iss: 'i' })).toBe(true);
    store.sweep();
    expect(store.size).toBe(1);
    at(T0 + 311);
    expect(await store.isRevoked({ jti: 'a', iss: 'i' })).toBe(false);
    expect(store.size).toBe(0); // removed on access
  });

  it('uses the configured tolerance', async () => {
    const { store, at } = tracked({ toleranceSeconds: 0 });
    await store.revoke({ jti: 'a', exp: T0 + 10 });
    at(T0 + 9.999);
    expect(await store.isRevoked({ jti: 'a' })).toBe(true);
    at(T0 + 10);
    expect(await store.isRevoked({ jti: 'a' })).toBe(false);
  });

  it('stores nothing for a token already past its retention', async () => {
    const { store } = tracked();
    await store.revoke({ jti: 'old', exp: T0 - 300 });
    expect(store.size).toBe(0);
    await store.revoke({ jti: 'recent', exp: T0 - 299 }); // still accepted with 300 s leeway
    expect(store.size).toBe(1);
    expect(await store.isRevoked({ jti: 'recent' })).toBe(true);
  });

  it('keeps the later exp when the same token is revoked twice', async () => {
    const { store, at } = tracked({ toleranceSeconds: 0 });
    await store.revoke({ jti: 'a', exp: T0 + 100 });
    await store.revoke({ jti: 'a', exp: T0 + 50 });
    at(T0 + 99);
    expect(await store.isRevoked({ jti: 'a' })).toBe(true);
    expect(store.size).toBe(1);
  });

  it('shrinks back to zero once every entry expired (sweep)', async () => {
    const { store, at } = tracked({ toleranceSeconds: 5 });
    for (let i = 0; i < 100; i++) {
      await store.revoke({ jti: `t${i}`, iss: `iss${i % 3}`, exp: T0 + i });
    }
    await store.revokeSubject({ sub: 'u', issuedBefore: T0, until: T0 + 50 });
    await store.revokeSubject({ sub: 'u', iss: 'iss1', issuedBefore: T0, until: T0 + 200 });
    expect(store.size).toBe(102);
    at(T0 + 60);
    store.sweep();
    expect(store.size).toBe(100 - 56 + 1); // tokens with exp + 5 > 60 remain, plus one rule
    at(T0 + 205);
    store.sweep();
    expect(store.size).toBe(0);
  });

  it('ignores odd claim types instead of matching them', async () => {
    const { store } = tracked();
    await store.revoke({ jti: '1', exp: T0 + 60 });
    expect(await store.isRevoked({ jti: 1 } as never)).toBe(false);
    expect(await store.isRevoked({ jti: ['1'] } as never)).toBe(false);
    expect(await store.isRevoked({ jti: '1', iss: 5 } as never)).toBe(true); // non-string iss = absent
  });
});

describe('MemoryRevocationStore: subject rules', () => {
  it('revokes tokens issued strictly before issuedBefore; same-second tokens stay valid', async () => {
    const { store } = tracked();
    await store.revokeSubject({ sub: 'u1', issuedBefore: T0, until: T0 + 3600 });
    expect(await store.isRevoked({ sub: 'u1', iat: T0 - 1 })).toBe(true);
    expect(await store.isRevoked({ sub: 'u1', iat: T0 - 0.001 })).toBe(true);
    expect(await store.isRevoked({ sub: 'u1', iat: T0 })).toBe(false);
    expect(await store.isRevoked({ sub: 'u1', iat: T0 + 1 })).toBe(false);
    expect(await store.isRevoked({ sub: 'u2', iat: T0 - 1 })).toBe(false);
  });

  it('revokes a token of the subject without a finite numeric iat', async () => {
    const { store } = tracked();
    await store.revokeSubject({ sub: 'u1', issuedBefore: T0, until: T0 + 3600 });
    expect(await store.isRevoked({ sub: 'u1' })).toBe(true);
    expect(await store.isRevoked({ sub: 'u1', iat: String(T0 + 5) } as never)).toBe(true);
    expect(await store.isRevoked({ sub: 'u1', iat: Number.NaN })).toBe(true);
  });

  it('applies a rule without iss to every issuer, a rule with iss to that issuer only', async () => {
    const { store } = tracked();
    await store.revokeSubject({ sub: 'all', issuedBefore: T0, until: T0 + 60 });
    await store.revokeSubject({ sub: 'one', iss: 'https://a', issuedBefore: T0, until: T0 + 60 });
    const old = T0 - 10;
    expect(await store.isRevoked({ sub: 'all', iss: 'https://a', iat: old })).toBe(true);
    expect(await store.isRevoked({ sub: 'all', iss: 'https://b', iat: old })).toBe(true);
    expect(await store.isRevoked({ sub: 'all', iat: old })).toBe(true);
    expect(await store.isRevoked({ sub: 'one', iss: 'https://a', iat: old })).toBe(true);
    expect(await store.isRevoked({ sub: 'one', iss: 'https://b', iat: old })).toBe(false);
    expect(await store.isRevoked({ sub: 'one', iat: old })).toBe(false);
  });

  it('merges rules of one key to the max issuedBefore and the max until', async () => {
    const { store, at } = tracked({ toleranceSeconds: 0 });
    await store.revokeSubject({ sub: 'u', issuedBefore: T0 + 100, until: T0 + 50 });
    await store.revokeSubject({ sub: 'u', issuedBefore: T0, until: T0 + 500 });
    expect(store.size).toBe(1);
    at(T0 + 400);
    expect(await store.isRevoked({ sub: 'u', iat: T0 + 99 })).toBe(true);
    expect(await store.isRevoked({ sub: 'u', iat: T0 + 100 })).toBe(false);
    at(T0 + 500);
    expect(await store.isRevoked({ sub: 'u', iat: T0 + 99 })).toBe(false);
  });

  it('does not widen a new rule with an expired, unswept one', async () => {
    const { store, at } = tracked({ toleranceSeconds: 0 });
    await store.revokeSubject({ sub: 'u', issuedBefore: T0 + 1000, until: T0 + 10 });
    at(T0 + 20);
    await store.revokeSubject({ sub: 'u', issuedBefore: T0, until: T0 + 100 });
    expect(await store.isRevoked({ sub: 'u', iat: T0 + 5 })).toBe(false);
    expect(await store.isRevoked({ sub: 'u', iat: T0 - 5 })).toBe(true);
  });

  it('keeps a rule until ceil(until + tolerance)', async () => {
    const { store, at } = tracked();
    await store.revokeSubject({ sub: 'u', issuedBefore: T0, until: T0 + 0.2 });
    at(T0 + 300.999);
    expect(await store.isRevoked({ sub: 'u', iat: T0 - 1 })).toBe(true);
    at(T0 + 301);
    expect(await store.isRevoked({ sub: 'u', iat: T0 - 1 })).toBe(false);
    store.sweep();
    expect(store.size).toBe(0);
  });

  it('also checks the jti entry and the rules for the same token', async () => {
    const { store } = tracked();
    await store.revoke({ jti: 'j', iss: 'i', exp: T0 + 60 });
    expect(await store.isRevoked({ jti: 'j', iss: 'i', sub: 'u', iat: T0 })).toBe(true);
    await store.revokeSubject({ sub: 'u', iss: 'i', issuedBefore: T0 + 1, until: T0 + 60 });
    expect(await store.isRevoked({ jti: 'other', iss: 'i', sub: 'u', iat: T0 })).toBe(true);
  });
});

describe('MemoryRevocationStore: inputs and options', () => {
  it.each([
    [{ jti: 1, exp: T0 }, 'token.jti'],
    [{ jti: '', exp: T0 }, 'token.jti'],
    [{ exp: T0 }, 'token.jti'],
    [{ jti: 'a', iss: 5, exp: T0 }, 'token.iss'],
    [{ jti: 'a', exp: Infinity }, 'token.exp'],
    [{ jti: 'a', exp: Number.NaN }, 'token.exp'],
    [{ jti: 'a', exp: String(T0) }, 'token.exp'],
    [null, 'token'],
  ])('revoke(%j) rejects with ERR_JWT_CONFIG_INVALID naming %s', async (input, name) => {
    const { store } = tracked();
    await rejectsWith(store.revoke(input as never), 'ERR_JWT_CONFIG_INVALID', `"${name}"`);
    expect(store.size).toBe(0);
  });

  it.each([
    [{ issuedBefore: T0, until: T0 }, 'rule.sub'],
    [{ sub: 7, issuedBefore: T0, until: T0 }, 'rule.sub'],
    [{ sub: 'u', iss: null, issuedBefore: T0, until: T0 }, 'rule.iss'],
    [{ sub: 'u', issuedBefore: -Infinity, until: T0 }, 'rule.issuedBefore'],
    [{ sub: 'u', issuedBefore: T0, until: '1' }, 'rule.until'],
  ])('revokeSubject(%j) rejects naming %s', async (input, name) => {
    const { store } = tracked();
    await rejectsWith(store.revokeSubject(input as never), 'ERR_JWT_CONFIG_INVALID', `"${name}"`);
  });

  it('rejects non-object claims', async () => {
    const { store } = tracked();
    await rejectsWith(store.isRevoked(null as never), 'ERR_JWT_CONFIG_INVALID');
    await rejectsWith(store.isRevoked('x' as never), 'ERR_JWT_CONFIG_INVALID');
  });

  it.each([
    [{ toleranceSeconds: -1 }, 'toleranceSeconds'],
    [{ toleranceSeconds: Infinity }, 'toleranceSeconds'],
    [{ toleranceSeconds: '300' }, 'toleranceSeconds'],
    [{ sweepIntervalSeconds: 0 }, 'sweepIntervalSeconds'],
    [{ clock: 1 }, 'clock'],
  ])('refuses options %j naming %s', (options, name) => {
    let thrown: unknown;
    try {
      new MemoryRevocationStore(options as never).close();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(JwtError);
    expect((thrown as JwtError).code).toBe('ERR_JWT_CONFIG_INVALID');
    expect((thrown as JwtError).message).toContain(`"${name}"`);
  });

  it('fails closed (rejects) when the clock is broken', async () => {
    const store = new MemoryRevocationStore({ clock: () => Number.NaN });
    open.push(store);
    await rejectsWith(store.isRevoked({ jti: 'a' }), 'ERR_JWT_CONFIG_INVALID', '"clock"');
  });

  it('sweeps on its own timer and stops after close()', async () => {
    jest.useFakeTimers({ doNotFake: ['Date'] });
    try {
      const time = { now: T0 * 1000 };
      const store = new MemoryRevocationStore({ clock: () => time.now, sweepIntervalSeconds: 10 });
      await store.revoke({ jti: 'a', exp: T0 });
      await store.revoke({ jti: 'b', exp: T0 });
      expect(store.size).toBe(2);
      time.now = (T0 + 300) * 1000;
      jest.advanceTimersByTime(10_000);
      expect(store.size).toBe(0);
      await store.revoke({ jti: 'c', exp: T0 + 1 });
      store.close();
      store.close(); // idempotent
      time.now = (T0 + 400) * 1000;
      jest.advanceTimersByTime(60_000);
      expect(store.size).toBe(1); // no timer any more...
      expect(await store.isRevoked({ jti: 'c' })).toBe(false); // ...but access still expires it
      expect(store.size).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
