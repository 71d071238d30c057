// The HTTP contract of every tokenward example (DESIGN.md §8), on Express. examples/koa has the
// same routes in the same order: compare them line by line.
import {
  clearAuthCookie,
  createSigner,
  JwtError,
  MemoryReplayStore,
  serializeAuthCookie,
  verifyDpopProof,
  type JwtClaims,
} from '@tokenward/core';
import { jwt, requireRoles, withAuth } from '@tokenward/express';
import express, { type ErrorRequestHandler, type Request } from 'express';
import type { ExampleConfig } from './config.js';
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
function cookieOptions(req: Request) {
  return { name: COOKIE, secure: req.protocol === 'https' || !LOCALHOST.has(req.hostname) };
}

/**
 * Builds the example app: login, a public route, `/me`, an admin route and logout.
 *
 * @param config - secret, issuer, audience, revocation store and token lifetime
 */
export function createApp(config: ExampleConfig): express.Express {
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
  const auth = jwt({
    algorithms: ['HS256'],
    key: config.secret,
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp', 'jti'],
    revocation: config.revocation,
    cookie: COOKIE,
    dpop: { replay: dpopReplay },
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.post('/auth/login', async (req, res) => {
    const credentials = readCredentials(req.body);
    if (credentials === undefined) {
      res.status(400).json(INVALID_LOGIN_BODY);
      return;
    }
    const user = await checkPassword(credentials.username, credentials.password);
    if (user === undefined) {
      res.status(401).json({
        error: 'invalid_credentials',
        error_description: 'Unknown user or wrong password',
      });
      return;
    }
    if (req.headers.dpop !== undefined) {
      // A DPoP proof for this request: the token is bound to the proof's key (cnf.jkt), no cookie.
      try {
        const proof = await verifyDpopProof(req.headers.dpop, {
          method: req.method,
          url: `${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`,
          replay: dpopReplay,
        });
        const claims = { sub: user.username, roles: user.roles };
        const token = await signer.sign(claims, { dpopJkt: proof.jkt });
        res.json({ access_token: token, token_type: 'DPoP', expires_in: config.tokenLifetime });
      } catch (err) {
        if (!(err instanceof JwtError)) throw err;
        res.status(err.status).set(err.headers).json(err.body);
      }
      return;
    }
    const token = await signer.sign({ sub: user.username, roles: user.roles });
    res.setHeader('Set-Cookie', serializeAuthCookie(token, cookieOptions(req)));
    res.json({ access_token: token, token_type: 'Bearer', expires_in: config.tokenLifetime });
  });

  app.get('/public', (_req, res) => {
    res.json({ message: 'Anyone can read this.' });
  });

  app.get(
    '/me',
    auth,
    withAuth<Claims>((req, res) => {
      res.json(req.auth);
    }),
  );

  app.get(
    '/admin',
    auth,
    requireRoles('admin'),
    withAuth<Claims>((req, res) => {
      res.json({ message: `Welcome, ${req.auth.sub}: you hold the admin role.` });
    }),
  );

  app.post(
    '/auth/logout',
    auth,
    withAuth<Claims>(async (req, res) => {
      const { jti, iss, exp } = req.auth;
      await config.revocation.revoke({ jti, iss, exp });
      res.setHeader('Set-Cookie', clearAuthCookie(cookieOptions(req)));
      res.status(204).end();
    }),
  );

  app.use(answerErrors);
  return app;
}

// Last: a body Express could not parse (400, 413...) or a failing route, as JSON in the app's
// error shape. Express's own handler would render the stack trace outside production.
const answerErrors: ErrorRequestHandler = (err: { status?: unknown }, _req, res, _next) => {
  const { status } = err;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({
      error: 'invalid_request',
      error_description: 'The request body could not be read',
    });
    return;
  }
  res.status(500).json({ error: 'server_error', error_description: 'Something went wrong' });
};
