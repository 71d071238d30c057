// The HTTP contract of every tokenward example (DESIGN.md §8), on Koa. examples/express has the
// same routes in the same order: compare them line by line.
import Router from '@koa/router';
import {
  clearAuthCookie,
  createSigner,
  JwtError,
  MemoryReplayStore,
  serializeAuthCookie,
  verifyDpopProof,
  type JwtClaims,
} from '@tokenward/core';
import { jwt, requireRoles, type JwtState } from '@tokenward/koa';
import Koa, { type Context } from 'koa';
import type { ExampleConfig } from './config.js';
import { readJson } from './read-json.js';
import { checkPassword, INVALID_LOGIN_BODY, readCredentials } from './users.js';

/** The claims of the tokens this app issues. */
interface Claims extends JwtClaims {
  sub: string;
  roles: string[];
  jti: string;
  exp: number;
}

const COOKIE = 'access_token';
const LOCALHOST = new Set(['localhost', '127.0.0.1', '[::1]']);

// Secure, except on plain-HTTP localhost, where a browser would never send a Secure cookie back.
function cookieOptions(ctx: Context) {
  return { name: COOKIE, secure: ctx.protocol === 'https' || !LOCALHOST.has(ctx.hostname) };
}

/**
 * Builds the example app: login, a public route, `/me`, an admin route and logout.
 *
 * @param config - secret, issuer, audience, revocation store and token lifetime
 */
export function createApp(config: ExampleConfig): Koa {
  const signer = createSigner({
    algorithm: 'HS256',
    key: config.secret,
    issuer: config.issuer,
    audience: config.audience,
    expiresIn: config.tokenLifetime,
  });
  // DPoP proofs already used (the login's and the routes'): each proof is accepted once.
  const dpopReplay = new MemoryReplayStore();
  // Verifies the Bearer header or the cookie; every token must carry a jti, so logout can revoke it.
  // DPoP-bound tokens come with `Authorization: DPoP` and a fresh proof per request.
  const auth = jwt<Claims>({
    algorithms: ['HS256'],
    key: config.secret,
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp', 'jti'],
    revocation: config.revocation,
    cookie: COOKIE,
    dpop: { replay: dpopReplay },
  });

  const app = new Koa();
  const router = new Router<JwtState<Claims>>();

  router.post('/auth/login', async (ctx) => {
    const credentials = readCredentials(await readJson(ctx));
    if (credentials === undefined) {
      ctx.status = 400;
      ctx.body = INVALID_LOGIN_BODY;
      return;
    }
    const user = await checkPassword(credentials.username, credentials.password);
    if (user === undefined) {
      ctx.status = 401;
      ctx.body = {
        error: 'invalid_credentials',
        error_description: 'Unknown user or wrong password',
      };
      return;
    }
    if (ctx.headers.dpop !== undefined) {
      // A DPoP proof for this request: the token is bound to the proof's key (cnf.jkt), no cookie.
      try {
        const proof = await verifyDpopProof(ctx.headers.dpop, {
          method: ctx.method,
          url: `${ctx.protocol}://${ctx.host}${ctx.originalUrl}`,
          replay: dpopReplay,
        });
        const claims = { sub: user.username, roles: user.roles };
        const token = await signer.sign(claims, { dpopJkt: proof.jkt });
        ctx.body = { access_token: token, token_type: 'DPoP', expires_in: config.tokenLifetime };
      } catch (err) {
        if (!(err instanceof JwtError)) throw err;
        ctx.status = err.status;
        ctx.set(err.headers);
        ctx.body = err.body;
      }
      return;
    }
    const token = await signer.sign({ sub: user.username, roles: user.roles });
    ctx.set('Set-Cookie', serializeAuthCookie(token, cookieOptions(ctx)));
    ctx.body = { access_token: token, token_type: 'Bearer', expires_in: config.tokenLifetime };
  });

  router.get('/public', (ctx) => {
    ctx.body = { message: 'Anyone can read this.' };
  });

  router.get('/me', auth, (ctx) => {
    ctx.body = ctx.state.user;
  });

  router.get('/admin', auth, requireRoles('admin'), (ctx) => {
    ctx.body = { message: `Welcome, ${ctx.state.user.sub}: you hold the admin role.` };
  });

  router.post('/auth/logout', auth, async (ctx) => {
    const { jti, iss, exp } = ctx.state.user;
    await config.revocation.revoke({ jti, iss, exp });
    ctx.set('Set-Cookie', clearAuthCookie(cookieOptions(ctx)));
    ctx.status = 204;
  });

  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
