import { IncomingMessage } from 'node:http';

/**
 * Values an adapter keeps for each request (claims, token, its own state), some of them readable
 * as properties of the request (`req.auth`), without adding properties to the request object.
 *
 * @typeParam K - the names of the values
 * @example
 * ```ts
 * const slots = createRequestSlots<'auth' | 'token' | 'context'>('@my/adapter', ['auth', 'token']);
 * slots.set(req, { auth: claims, token });
 * slots.get(req, 'auth'); // the claims, also readable as req.auth
 * ```
 */
export interface RequestSlots<K extends string> {
  /**
   * Sets values for a request; the object given is kept (pass a fresh one). Exposed names become
   * readable (and writable) as properties of the request.
   *
   * @param req - the request
   * @param values - the values to set; others keep theirs
   * @param owner - who produced the values (e.g. the authenticator that verified them), stored
   *   with them for `get`: the last `set` of a request decides the owner of all its values
   */
  set(req: object, values: Partial<Record<K, unknown>>, owner?: object): void;
  /**
   * A value of a request, `undefined` when never set. With `owner`, `undefined` too unless the
   * request's values were last set by that same owner: a verification result is reused only by
   * the authenticator that produced it.
   *
   * @param req - the request
   * @param name - its name
   * @param owner - the owner the value must come from
   */
  get(req: object, name: K, owner?: object): unknown;
}

type Slots = Record<string | symbol, unknown>;

// Where a request's record keeps the owner given to `set` (a symbol: never a value's name;
// process-wide, like the table, so the ESM and CJS builds agree).
const OWNER = Symbol.for('@tokenward/core.requestSlots.owner');

interface Shared {
  readonly table: WeakMap<object, Slots>;
  readonly accessors: Map<string, PropertyDescriptor>;
}

function accessor(table: WeakMap<object, Slots>, name: string): PropertyDescriptor {
  return {
    configurable: true,
    enumerable: true,
    get(this: object): unknown {
      return table.get(this)?.[name];
    },
    set(this: object, value: unknown): void {
      const slots = table.get(this);
      if (slots === undefined) table.set(this, { [name]: value });
      else slots[name] = value;
    },
  };
}

// Process-wide by key (Symbol.for): the ESM and CJS builds of an adapter share one table and one
// set of accessors, so either build reads what the other stored.
function shared(key: string): Shared {
  const registry = globalThis as unknown as Record<symbol, Shared | undefined>;
  const symbol = Symbol.for(`${key}.requestSlots`);
  return (registry[symbol] ??= { table: new WeakMap(), accessors: new Map() });
}

/**
 * Per-request values for an adapter, kept in a `WeakMap` keyed by the request. An exposed name
 * is an accessor on the request's prototype (as Express's own `req.ip` and `req.query` are), so
 * `req.auth` reads and writes the request's value.
 *
 * Why: Express and Nest give every request object its own hidden class, and adding a property to
 * one makes V8 build a new hidden class on each request; that costs more than verifying a cached
 * token. A request that already has own properties of an exposed name, or whose prototype
 * cannot take the accessor (frozen, `null`, `Object.prototype`, Node's own
 * `IncomingMessage.prototype` — shared by every request of the process, as a WebSocket upgrade
 * request has it — or holding another property of that name), gets the value assigned as before
 * (`req.auth = value`) instead.
 *
 * Values set with an `owner` are read back with that owner only (`get(req, name, owner)`): two
 * differently configured authenticators on one request never take each other's result.
 *
 * @param key - a process-wide name, e.g. the package name: two calls with it share their values
 * @param exposed - the names readable as request properties; the others are only `get`-able
 * @returns the slots
 * @example
 * ```ts
 * import { createRequestSlots } from '@tokenward/core';
 *
 * const slots = createRequestSlots<'user' | 'state'>('@my/adapter', ['user']);
 * const req = Object.create({ method: 'GET' }) as Record<string, unknown>;
 * const mine = {};
 * slots.set(req, { user: { sub: 'bob' }, state: 'verified' }, mine);
 * (req.user as { sub: string }).sub; // 'bob'
 * Object.hasOwn(req, 'user'); // false: the accessor is on the prototype
 * slots.get(req, 'state', mine); // 'verified'
 * slots.get(req, 'state', {}); // undefined: another owner
 * ```
 */
export function createRequestSlots<K extends string>(
  key: string,
  exposed: readonly K[],
): RequestSlots<K> {
  const { table, accessors } = shared(key);
  for (const name of exposed) {
    if (!accessors.has(name)) accessors.set(name, accessor(table, name));
  }
  const isExposed = (name: string): boolean => (exposed as readonly string[]).includes(name);
  // The prototype every request of an app shares, once it serves every exposed name.
  let lastProto: object | undefined;

  const serves = (proto: object, name: string): boolean => {
    const descriptor = accessors.get(name) as PropertyDescriptor;
    const own = Object.getOwnPropertyDescriptor(proto, name);
    if (own !== undefined) return own.get === descriptor.get;
    if (!Object.isExtensible(proto)) return false;
    Object.defineProperty(proto, name, descriptor);
    return true;
  };

  const servedByAccessors = (req: object): boolean => {
    const proto = Object.getPrototypeOf(req) as object | null;
    if (proto !== lastProto) {
      if (proto === null || proto === Object.prototype || proto === IncomingMessage.prototype) {
        return false;
      }
      for (const name of exposed) if (!serves(proto, name)) return false;
      lastProto = proto;
    }
    for (const name of exposed) if (Object.hasOwn(req, name)) return false;
    return true;
  };

  return {
    set(req, values, owner) {
      const slots = table.get(req);
      if (servedByAccessors(req)) {
        const record: Slots = slots === undefined ? values : Object.assign(slots, values);
        if (slots === undefined) table.set(req, record);
        record[OWNER] = owner;
        return;
      }
      const hidden: Slots = slots ?? {};
      for (const [name, value] of Object.entries(values)) {
        if (isExposed(name)) (req as Slots)[name] = value;
        else hidden[name] = value;
      }
      hidden[OWNER] = owner;
      if (slots === undefined) table.set(req, hidden);
    },
    get(req, name, owner) {
      const record = table.get(req);
      if (owner !== undefined && record?.[OWNER] !== owner) return undefined;
      return isExposed(name) ? (req as Slots)[name] : record?.[name];
    },
  };
}
