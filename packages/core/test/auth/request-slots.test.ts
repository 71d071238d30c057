import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { createRequestSlots } from '@tokenward/core';

// Requests the way Express makes them: a Node request whose prototype is the app's request object.
function appRequestPrototype(): object {
  return Object.create(IncomingMessage.prototype) as object;
}

function requestOf(proto: object): Record<string, unknown> {
  const req = new IncomingMessage(new Socket());
  Object.setPrototypeOf(req, proto);
  return req as unknown as Record<string, unknown>;
}

let unique = 0;
// Each test gets its own process-wide key, so that no accessor or value leaks between tests.
const key = (): string => `@tokenward/core.test.${++unique}`;

describe('createRequestSlots', () => {
  it('exposes values as accessors on the prototype, not as own properties of the request', () => {
    const slots = createRequestSlots<'auth' | 'token'>(key(), ['auth', 'token']);
    const proto = appRequestPrototype();
    const req = requestOf(proto);
    const claims = { sub: 'alice' };
    slots.set(req, { auth: claims, token: 'abc' });
    expect(req.auth).toBe(claims);
    expect(req.token).toBe('abc');
    expect(Object.hasOwn(req, 'auth')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(proto, 'auth')?.get).toBeInstanceOf(Function);
    expect(slots.get(req, 'auth')).toBe(claims);
  });

  it('keeps every request its own values', () => {
    const slots = createRequestSlots<'auth'>(key(), ['auth']);
    const proto = appRequestPrototype();
    const alice = requestOf(proto);
    const bob = requestOf(proto);
    slots.set(alice, { auth: { sub: 'alice' } });
    expect(bob.auth).toBeUndefined();
    slots.set(bob, { auth: { sub: 'bob' } });
    expect(alice.auth).toEqual({ sub: 'alice' });
    expect(bob.auth).toEqual({ sub: 'bob' });
  });

  it('lets the app replace an exposed value by assignment', () => {
    const slots = createRequestSlots<'auth'>(key(), ['auth']);
    const req = requestOf(appRequestPrototype());
    slots.set(req, { auth: { sub: 'alice' } });
    req.auth = { ...(req.auth as object), account: 7 };
    expect(req.auth).toEqual({ sub: 'alice', account: 7 });
    expect(slots.get(req, 'auth')).toEqual({ sub: 'alice', account: 7 });
    const fresh = requestOf(appRequestPrototype());
    fresh.auth = 'set before any value';
    expect(fresh.auth).toBe('set before any value');
  });

  it('merges values set at different times, and keeps unexposed ones off the request', () => {
    const slots = createRequestSlots<'auth' | 'context'>(key(), ['auth']);
    const req = requestOf(appRequestPrototype());
    slots.set(req, { context: 'guard context' });
    slots.set(req, { auth: { sub: 'alice' } });
    expect(slots.get(req, 'context')).toBe('guard context');
    expect(req.auth).toEqual({ sub: 'alice' });
    expect('context' in req).toBe(false);
  });

  it('shares values between two slots of the same key (the ESM and CJS builds of an adapter)', () => {
    const name = key();
    const esm = createRequestSlots<'auth' | 'context'>(name, ['auth']);
    const cjs = createRequestSlots<'auth' | 'context'>(name, ['auth']);
    const req = requestOf(appRequestPrototype());
    esm.set(req, { auth: { sub: 'alice' }, context: 1 });
    expect(cjs.get(req, 'auth')).toEqual({ sub: 'alice' });
    expect(cjs.get(req, 'context')).toBe(1);
  });

  it('uses own properties on a plain object, a frozen prototype or a null prototype', () => {
    const slots = createRequestSlots<'user' | 'result'>(key(), ['user']);
    const plain: Record<string, unknown> = {};
    const frozen = requestOf(Object.freeze(appRequestPrototype()));
    const bare = Object.create(null) as Record<string, unknown>;
    for (const req of [plain, frozen, bare]) {
      slots.set(req, { user: { sub: 'alice' }, result: 'hidden' });
      expect(Object.hasOwn(req, 'user')).toBe(true);
      expect(req.user).toEqual({ sub: 'alice' });
      expect(slots.get(req, 'result')).toBe('hidden');
      expect(Object.hasOwn(req, 'result')).toBe(false);
    }
    expect(Object.prototype).not.toHaveProperty('user');
  });

  it("leaves another library's property of the same name on the prototype alone", () => {
    const slots = createRequestSlots<'user'>(key(), ['user']);
    const proto = appRequestPrototype();
    const users = new WeakMap<object, unknown>();
    const theirs = {
      configurable: true,
      get(this: object) {
        return users.get(this);
      },
      set(this: object, value: unknown) {
        users.set(this, value);
      },
    };
    Object.defineProperty(proto, 'user', theirs);
    const req = requestOf(proto);
    slots.set(req, { user: { sub: 'alice' } });
    expect(Object.getOwnPropertyDescriptor(proto, 'user')?.get).toBe(theirs.get);
    // Assigned, as to any request: their setter has it.
    expect(users.get(req)).toEqual({ sub: 'alice' });
    expect(req.user).toEqual({ sub: 'alice' });
    expect(slots.get(req, 'user')).toEqual({ sub: 'alice' });
  });

  it('updates a request that already has its own property of that name', () => {
    const slots = createRequestSlots<'auth'>(key(), ['auth']);
    const proto = appRequestPrototype();
    slots.set(requestOf(proto), { auth: 'first request' });
    const req = requestOf(proto);
    Object.defineProperty(req, 'auth', { value: 'stale', writable: true, configurable: true });
    slots.set(req, { auth: { sub: 'alice' } });
    expect(req.auth).toEqual({ sub: 'alice' });
    expect(slots.get(req, 'auth')).toEqual({ sub: 'alice' });
  });

  it('gives values set with an owner back to that owner only, on every kind of request', () => {
    const slots = createRequestSlots<'user' | 'result'>(key(), ['user']);
    const api = {};
    const admin = {};
    for (const req of [requestOf(appRequestPrototype()), {}, Object.create(null) as object]) {
      slots.set(req, { user: { sub: 'alice' }, result: 'verified for api' }, api);
      expect(slots.get(req, 'result', api)).toBe('verified for api');
      expect(slots.get(req, 'result', admin)).toBeUndefined();
      expect(slots.get(req, 'user', admin)).toBeUndefined();
      // Without an owner: whatever was set last (what a param decorator reads).
      expect(slots.get(req, 'result')).toBe('verified for api');
      // The last set decides: another owner's values replace the first one's claim.
      slots.set(req, { result: 'verified for admin' }, admin);
      expect(slots.get(req, 'result', api)).toBeUndefined();
      expect(slots.get(req, 'result', admin)).toBe('verified for admin');
      // A set without an owner leaves the values owned by nobody.
      slots.set(req, { result: 'anonymous' });
      expect(slots.get(req, 'result', admin)).toBeUndefined();
    }
  });

  it("never puts an accessor on Node's IncomingMessage.prototype (every request of the process)", () => {
    const slots = createRequestSlots<'user'>(key(), ['user']);
    // A raw Node request, as a WebSocket upgrade request is: its prototype is Node's own.
    const req = new IncomingMessage(new Socket()) as unknown as Record<string, unknown>;
    slots.set(req, { user: { sub: 'alice' } });
    expect(Object.hasOwn(req, 'user')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(IncomingMessage.prototype, 'user')).toBeUndefined();
    expect(slots.get(req, 'user')).toEqual({ sub: 'alice' });
  });
});
