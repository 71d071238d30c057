// Compile-time contract of the claim decorators: `pnpm --filter @tokenward/nestjs typecheck`
// fails when a `@ts-expect-error` below stops being an error or a valid line stops compiling.
import { Controller, Get, Injectable, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  Claim,
  Claims,
  JwtAuthModule,
  JwtGuard,
  OptionalAuth,
  type ClaimName,
  type JwtClaims,
} from '../../src/index.js';
import { bearer, token, verifierOptions } from '../helpers/tokens.js';

interface AppClaims extends JwtClaims {
  sub: string;
  tenant: string;
  roles: string[];
}

// Declared names only, with a type; any name without one.
const declared: ClaimName<AppClaims>[] = ['tenant', 'roles', 'sub', 'iss', 'exp'];
// @ts-expect-error a typo of a declared claim
const typo: ClaimName<AppClaims> = 'tenat';
const anyName: ClaimName<never> = 'whatever';

@Injectable()
@Controller()
@UseGuards(JwtGuard)
class TypedController {
  @Get('typed')
  typed(
    @Claims<AppClaims>() claims: AppClaims,
    @Claim<AppClaims>('tenant') tenant: string,
    @Claim('custom') custom: unknown,
  ) {
    return { sub: claims.sub, tenant, custom };
  }

  @OptionalAuth()
  @Get('maybe')
  maybe(@Claims<AppClaims>() claims?: AppClaims) {
    return { sub: claims?.sub ?? null };
  }

  // @ts-expect-error @Claim<AppClaims> refuses a name AppClaims does not declare
  @Get('typo') typo(@Claim<AppClaims>('tenat') value: string) {
    return value;
  }
}

describe('claim decorator types', () => {
  it('keeps the declared names and reads them at run time', async () => {
    expect(declared).toHaveLength(5);
    expect([typo, anyName]).toEqual(['tenat', 'whatever']);
    const moduleRef = await Test.createTestingModule({
      imports: [JwtAuthModule.forRoot(verifierOptions)],
      controllers: [TypedController],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const res = await request(app.getHttpServer())
        .get('/typed')
        .set('Authorization', bearer(await token({ tenant: 't1', custom: 7 })));
      expect(res.body).toEqual({ sub: 'alice', tenant: 't1', custom: 7 });
      await request(app.getHttpServer()).get('/maybe').expect(200, { sub: null });
    } finally {
      await app.close();
    }
  });
});
