import type { RequestView } from './request-view.js';

/**
 * Refuses a request object that has no `headers` object (a hand-built request in a unit test, a
 * context from another framework) with a `TypeError` that says so, instead of a `TypeError` from
 * deep inside extraction. Not a `JwtError`: the app's mistake goes to the framework's error path.
 *
 * @param req - the request view
 */
export function checkRequestHeaders(req: RequestView): void {
  let headers: unknown;
  try {
    headers = req.headers;
  } catch (err) {
    throw new TypeError(
      "tokenward: the request has no readable headers; pass the framework's own request (a hand-built one needs headers: {})",
      { cause: err },
    );
  }
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(
      "tokenward: the request has no headers object; pass the framework's own request (a hand-built one needs headers: {})",
    );
  }
}
