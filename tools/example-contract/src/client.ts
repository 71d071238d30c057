// The few requests every contract test repeats, over real HTTP with supertest.
import request from 'supertest';

/**
 * `POST /auth/login` with a JSON body.
 *
 * @param baseUrl - the running example
 * @param username - the user name sent
 * @param password - the password sent
 * @returns supertest's response
 */
export function login(baseUrl: string, username: string, password: string) {
  return request(baseUrl).post('/auth/login').send({ username, password });
}

/**
 * Logs a demo user in and returns the access token.
 *
 * @param baseUrl - the running example
 * @param username - a demo user (`alice` or `bob`)
 * @returns the `access_token` of the login answer
 */
export async function tokenFor(baseUrl: string, username: 'alice' | 'bob'): Promise<string> {
  const res = await login(baseUrl, username, `${username}-password`);
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

/**
 * `GET <path>` with `Authorization: Bearer <token>`.
 *
 * @param baseUrl - the running example
 * @param path - the route
 * @param token - the access token
 * @returns supertest's response
 */
export function getWithToken(baseUrl: string, path: string, token: string) {
  return request(baseUrl).get(path).set('Authorization', `Bearer ${token}`);
}
