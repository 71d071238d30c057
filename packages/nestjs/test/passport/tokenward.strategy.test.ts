import {
  Controller,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Req,
  UseGuards,
} from '@nestjs/common';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt } from 'passport-jwt';
import request from 'supertest';
import { JwtError, type JwtClaims } from '@tokenward/core';
import { Claims } from '../../src/index.js';
import { TokenwardStrategy } from '../../src/passport/index.js';
import { createApp, PLATFORMS, type TestApp } from '../helpers/app.js';
import { AUDIENCE, bearer, clock, ISSUER, NOW, SECRET, token } from '../helpers/tokens.js';

const calls: string[] = [];
const seen: unknown[] = [];

// The docs recipe, with passport-jwt's Strategy swapped for TokenwardStrategy.
@Injectable()
class JwtStrategy extends PassportStrategy(TokenwardStrategy, 'jwt') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: SECRET,
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clock,
    });
  }

  validate(payload: JwtClaims) {
    if (payload.sub === 'banned') return null;
    if (payload.sub === 'suspended') throw new ForbiddenException('suspended');
    return { userId: payload.sub, username: payload.name };
  }
}

@Injectable()
class QueryStrategy extends PassportStrategy(TokenwardStrategy, 'jwt-query') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromUrlQueryParameter('token'),
      secretOrKeyProvider: (
        _req: unknown,
        _raw: string,
        done: (e: unknown, k?: Uint8Array) => void,
      ) => done(null, SECRET),
      algorithms: ['HS256'],
      jsonWebTokenOptions: { issuer: ISSUER, audience: AUDIENCE, clockTolerance: 5 },
      passReqToCallback: true,
      clock,
    });
  }

  validate(req: { headers: Record<string, unknown> }, payload: JwtClaims) {
    seen.push(req.headers['x-trace']);
    return { userId: payload.sub };
  }
}

@Injectable()
class NativeStrategy extends PassportStrategy(TokenwardStrategy, 'jwt-native') {
  constructor() {
    super({
      algorithms: ['HS256'],
      key: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      clock,
      cookie: 'at',
    });
  }

  validate(payload: JwtClaims) {
    return { userId: payload.sub };
  }
}

// Sees what passport hands the guard, as an app overriding handleRequest does.
const infos: unknown[] = [];
@Injectable()
class InfoGuard extends AuthGuard('jwt') {
  override handleRequest<U>(err: unknown, user: U, info: unknown): U {
    infos.push(info);
    return super.handleRequest(err, user, info, undefined as never);
  }
}

@Controller()
class ProfileController {
  @UseGuards(InfoGuard)
  @Get('info')
  info() {
    calls.push('info');
    return {};
  }

  @UseGuards(AuthGuard('jwt'))
  @Get('profile')
  profile(@Req() req: { user: unknown }, @Claims() claims: JwtClaims) {
    calls.push('profile');
    return { user: req.user, sub: claims.sub };
  }

  @UseGuards(AuthGuard('jwt-query'))
  @Get('query')
  query(@Req() req: { user: unknown }) {
    calls.push('query');
    return req.user;
  }

  @UseGuards(AuthGuard('jwt-native'))
  @Get('native')
  native(@Req() req: { user: unknown }) {
    calls.push('native');
    return req.user;
  }
}

@Module({
  imports: [PassportModule],
  controllers: [ProfileController],
  providers: [JwtStrategy, QueryStrategy, NativeStrategy],
})
class AppModule {}

describe.each(PLATFORMS)('TokenwardStrategy with @nestjs/passport on %s', (platform) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp(platform, { imports: [AppModule] });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    calls.length = 0;
    seen.length = 0;
  });

  it('authenticates with ExtractJwt and hands validate() the verified payload', async () => {
    const res = await request(t.server)
      .get('/profile')
      .set('Authorization', bearer(await token({ sub: 'u1', name: 'Ada' })));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { userId: 'u1', username: 'Ada' }, sub: 'u1' });
    expect(calls).toEqual(['profile']);
  });

  it('a missing token gives handleRequest an Error as info, as passport-jwt did', async () => {
    infos.length = 0;
    await request(t.server).get('/info').expect(401);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toBeInstanceOf(Error);
    expect(infos[0]).toMatchObject({
      message: 'No access token was provided',
      code: 'ERR_JWT_MISSING',
    });
    expect(calls).toEqual([]);
  });

  it('a missing token is a passport failure: 401', async () => {
    const res = await request(t.server).get('/profile');
    expect(res.status).toBe(401);
    if (platform === 'express') expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(calls).toEqual([]);
  });

  it('a bad token is refused with the core status and code', async () => {
    const expired = await token({ exp: NOW - 1, iat: NOW - 100 });
    const res = await request(t.server).get('/profile').set('Authorization', bearer(expired));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ERR_JWT_EXPIRED');
    if (platform === 'express') {
      expect(res.headers['www-authenticate']).toBe(
        'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
      );
    }
    const forged = await token({}, new Uint8Array(32).fill(1));
    const res2 = await request(t.server).get('/profile').set('Authorization', bearer(forged));
    expect(res2.status).toBe(401);
    expect(res2.body.code).toBe('ERR_JWT_SIGNATURE_INVALID');
    expect(calls).toEqual([]);
  });

  it('never accepts alg "none"', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: NOW + 60 })}.`;
    const res = await request(t.server).get('/profile').set('Authorization', bearer(unsigned));
    expect(res.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('validate() returning null is a 401', async () => {
    const res = await request(t.server)
      .get('/profile')
      .set('Authorization', bearer(await token({ sub: 'banned' })));
    expect(res.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('an exception thrown by validate() reaches the client unchanged', async () => {
    const res = await request(t.server)
      .get('/profile')
      .set('Authorization', bearer(await token({ sub: 'suspended' })));
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('suspended');
    expect(calls).toEqual([]);
  });

  it('supports secretOrKeyProvider, jsonWebTokenOptions and passReqToCallback', async () => {
    const res = await request(t.server)
      .get(`/query?token=${await token({ sub: 'q1' })}`)
      .set('X-Trace', 'abc');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: 'q1' });
    expect(seen).toEqual(['abc']);
    const wrongAudience = await token({ aud: 'other' });
    expect((await request(t.server).get(`/query?token=${wrongAudience}`)).status).toBe(401);
  });

  it('without jwtFromRequest uses tokenward extraction (header or configured cookie)', async () => {
    const t1 = await token({ sub: 'n1' });
    await request(t.server)
      .get('/native')
      .set('Authorization', bearer(t1))
      .expect(200, { userId: 'n1' });
    await request(t.server).get('/native').set('Cookie', `at=${t1}`).expect(200, { userId: 'n1' });
    const res = await request(t.server).get('/native').set('Authorization', 'Bearer a b');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ERR_JWT_INVALID_REQUEST');
  });
});

describe('TokenwardStrategy options', () => {
  const verify = () => undefined;
  const build = (options: object) => () => new TokenwardStrategy(options as never, verify);
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return [(err as JwtError).code, (err as Error).message];
    }
    return undefined;
  };

  it('refuses ignoreExpiration: true, at top level and in jsonWebTokenOptions', () => {
    const base = { secretOrKey: SECRET, algorithms: ['HS256'] };
    expect(code(build({ ...base, ignoreExpiration: true }))).toEqual([
      'ERR_JWT_CONFIG_INVALID',
      expect.stringContaining('"ignoreExpiration"'),
    ]);
    expect(
      code(build({ ...base, jsonWebTokenOptions: { ignoreExpiration: true } }))?.[1],
    ).toContain('jsonWebTokenOptions.ignoreExpiration');
    expect(code(build({ ...base, ignoreExpiration: false }))).toBeUndefined();
  });

  it('refuses unknown jsonWebTokenOptions, time-span strings and two key sources', () => {
    const base = { secretOrKey: SECRET, algorithms: ['HS256'] };
    expect(code(build({ ...base, jsonWebTokenOptions: { nonce: 'n' } }))?.[1]).toContain(
      'jsonWebTokenOptions.nonce',
    );
    expect(code(build({ ...base, jsonWebTokenOptions: { maxAge: '1h' } }))?.[1]).toContain(
      'jsonWebTokenOptions.maxAge',
    );
    expect(code(build({ ...base, key: SECRET }))?.[0]).toBe('ERR_JWT_CONFIG_INVALID');
  });

  it('never infers algorithms from the key', () => {
    expect(code(build({ secretOrKey: SECRET }))?.[0]).toBe('ERR_JWT_CONFIG_INVALID');
  });

  it('refuses options it cannot honour with jwtFromRequest', () => {
    const base = { secretOrKey: SECRET, algorithms: ['HS256'], jwtFromRequest: () => null };
    expect(code(build({ ...base, cookie: 'at' }))?.[1]).toContain('"cookie"');
    expect(code(build({ ...base, validateClaims: (c: unknown) => c }))?.[1]).toContain(
      '"validateClaims"',
    );
  });

  it('refuses secretOrKeyProvider without jwtFromRequest (it needs the raw token)', () => {
    const provider = () => undefined;
    expect(code(build({ secretOrKeyProvider: provider, algorithms: ['HS256'] }))?.[1]).toContain(
      '"secretOrKeyProvider"',
    );
  });

  it('a verify callback that throws becomes a passport error, not an unhandled rejection', async () => {
    const strategy = new TokenwardStrategy(
      { secretOrKey: SECRET, algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, clock },
      () => {
        throw new Error('boom');
      },
    );
    const outcome = await new Promise<unknown>((resolve) => {
      const attempt = Object.assign(Object.create(strategy) as TokenwardStrategy, {
        success: () => resolve('success'),
        fail: () => resolve('fail'),
        error: (err: Error) => resolve(err.message),
      });
      void token().then((t) =>
        attempt.authenticate({
          method: 'GET',
          url: '/',
          headers: { authorization: bearer(t) },
          rawHeaders: ['Authorization', bearer(t)],
        }),
      );
    });
    expect(outcome).toBe('boom');
  });

  it('requires a verify callback', () => {
    expect(
      () =>
        new TokenwardStrategy({ secretOrKey: SECRET, algorithms: ['HS256'] }, undefined as never),
    ).toThrow(TypeError);
  });
});
