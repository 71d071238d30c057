import type { JwtError } from '@tokenward/core';

/**
 * What a GraphQL client reads in `errors[].extensions` of a tokenward refusal: the GraphQL code of
 * the HTTP status (`UNAUTHENTICATED`, `FORBIDDEN`, `BAD_REQUEST`, `SERVICE_UNAVAILABLE` — retry
 * later) and `tokenward: { code, status }`, plus `retryAfter` (seconds) when the server knows it.
 *
 * @example
 * ```ts
 * const extensions: JwtGraphQLExtensions = {
 *   code: 'UNAUTHENTICATED',
 *   tokenward: { code: 'ERR_JWT_EXPIRED', status: 401 },
 * };
 * ```
 */
export interface JwtGraphQLExtensions {
  /** The GraphQL error code clients and Apollo Client links switch on. */
  code:
    | 'UNAUTHENTICATED'
    | 'FORBIDDEN'
    | 'BAD_REQUEST'
    | 'SERVICE_UNAVAILABLE'
    | 'INTERNAL_SERVER_ERROR';
  /** tokenward's own answer: the stable error code and the HTTP status it would have. */
  tokenward: { code: JwtError['code']; status: number; retryAfter?: number };
}

const CODES: Readonly<Record<number, JwtGraphQLExtensions['code']>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  503: 'SERVICE_UNAVAILABLE',
};

/** The GraphQL extensions of a core refusal. */
export function graphqlExtensions(error: JwtError): JwtGraphQLExtensions {
  const tokenward: JwtGraphQLExtensions['tokenward'] = { code: error.code, status: error.status };
  if (error.retryAfter !== undefined) tokenward.retryAfter = error.retryAfter;
  return { code: CODES[error.status] ?? 'INTERNAL_SERVER_ERROR', tokenward };
}
