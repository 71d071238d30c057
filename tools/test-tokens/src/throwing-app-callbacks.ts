const appBug = (): never => {
  throw new TypeError('app bug');
};

/**
 * The app's own callbacks an adapter calls, each throwing a plain `TypeError` (a bug in the app,
 * not a token fault): `[name, options to spread into the adapter's options]`. Every adapter must
 * send such a failure down its framework's error path as a 500, and never run the handler.
 *
 * @example
 * ```ts
 * test.each(THROWING_APP_CALLBACKS)('a throwing %s is a 500', async (_name, extra) => {
 *   app.use(jwt({ ...VERIFY, ...extra }));
 * });
 * ```
 */
export const THROWING_APP_CALLBACKS: ReadonlyArray<[string, Readonly<Record<string, unknown>>]> =
  Object.freeze([
    ['getToken', { getToken: appBug }],
    ['validateClaims', { validateClaims: appBug }],
    ['a key resolver', { key: appBug }],
  ]);
