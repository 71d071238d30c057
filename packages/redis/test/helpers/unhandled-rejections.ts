// Jest runs each file in a sandbox whose `process` is a copy: unhandled rejections are emitted on
// the real one, reached through a function built in the outer realm.
const realProcess = (Buffer.constructor as FunctionConstructor)(
  'return process',
)() as NodeJS.Process;

/**
 * Records every unhandled rejection while the file runs and fails the file (in afterAll) if any
 * occurred. Jest also fails the running test on one; this catches those between and after tests.
 *
 * @returns the list of reasons seen so far
 */
export function trackUnhandledRejections(): unknown[] {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  beforeAll(() => {
    realProcess.on('unhandledRejection', listener);
  });
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // let late rejections surface
    realProcess.off('unhandledRejection', listener);
    expect(seen).toEqual([]);
  });
  return seen;
}
