import { Controller, Get, UseGuards } from '@nestjs/common';
import request from 'supertest';
import type { JwtClaims } from '@tokenward/core';
import { THROWING_APP_CALLBACKS } from '@tokenward/test-tokens';
import { Claims, JwtAuthModule, JwtGuard } from '../src/index.js';
import { createApp, PLATFORMS } from './helpers/app.js';
import { bearer, token, verifierOptions } from './helpers/tokens.js';

// Issue 14: every option checked at startup; an app's own failing callback is a 500 through
// Nest's exception layer (which logs it), never a 4xx.
const ran: string[] = [];

@Controller()
class MeController {
  @UseGuards(JwtGuard)
  @Get('me')
  me(@Claims() claims: JwtClaims) {
    ran.push('me');
    return { sub: claims.sub };
  }
}

describe.each(PLATFORMS)('on %s', (platform) => {
  it.each(THROWING_APP_CALLBACKS)(
    'a throwing %s is a 500, the handler does not run',
    async (_name, extra) => {
      ran.length = 0;
      const t = await createApp(platform, {
        imports: [JwtAuthModule.forRoot({ ...verifierOptions, ...extra } as never)],
        controllers: [MeController],
      });
      try {
        const res = await request(t.server)
          .get('/me')
          .set('Authorization', bearer(await token()));
        expect(res.status).toBe(500);
        expect(res.headers['www-authenticate']).toBeUndefined();
        expect(ran).toEqual([]);
      } finally {
        await t.close();
      }
    },
  );
});

describe('JwtAuthModule refuses a misspelt or foreign option at startup', () => {
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      return `${(err as { code?: string }).code} ${(err as Error).message}`;
    }
    return 'no error';
  };

  it('in forRoot', () => {
    expect(
      message(() => JwtAuthModule.forRoot({ ...verifierOptions, audiance: 'x' } as never)),
    ).toBe(
      'ERR_JWT_CONFIG_INVALID Invalid option "audiance": is not an option of JwtAuthModule.forRoot(); did you mean "audience"?',
    );
    expect(message(() => JwtAuthModule.forRoot({ secretOrKey: 'x' } as never))).toMatch(
      /"secretOrKey": .* use "key"/,
    );
  });

  it('in forRootAsync, and in what its factory returns', async () => {
    expect(
      message(() => JwtAuthModule.forRootAsync({ useFactory: () => ({}), injects: [] } as never)),
    ).toMatch(/"injects": .*forRootAsync\(\); did you mean "inject"\?/);
    await expect(
      createApp('express', {
        imports: [
          JwtAuthModule.forRootAsync({
            useFactory: () => ({ ...verifierOptions, ignoreExpiration: true }) as never,
          }),
        ],
        controllers: [MeController],
      }),
    ).rejects.toMatchObject({
      code: 'ERR_JWT_CONFIG_INVALID',
      message: expect.stringMatching(
        /"ignoreExpiration": .*is refused: an expired token is never accepted/,
      ),
    });
  });
});
