import 'reflect-metadata';
import type { Server } from 'node:http';
import { Controller, Get, Injectable, Module, UseGuards, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { JwtAuthModule, JwtGuard } from '@tokenward/nestjs';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Material } from '../material.js';
import type { Scenario } from '../scenarios.js';
import { tokenwardOptions } from './tokenward-options.js';

@Controller()
class BareController {
  @Get()
  root(): { ok: boolean } {
    return { ok: true };
  }
}

@Controller()
@UseGuards(JwtGuard)
class TokenwardController {
  @Get()
  root(): { ok: boolean } {
    return { ok: true };
  }
}

@Controller()
@UseGuards(AuthGuard('jwt'))
class PassportController {
  @Get()
  root(): { ok: boolean } {
    return { ok: true };
  }
}

// The @nestjs/passport docs recipe, configured with the same checks as the other verifiers.
function passportStrategy(material: Material): Type {
  @Injectable()
  class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
    constructor() {
      super({
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: material.secret,
        algorithms: ['HS256'],
        issuer: material.issuer,
        audience: material.audience,
      });
    }

    validate(payload: unknown): unknown {
      return payload;
    }
  }
  return JwtStrategy;
}

function rootModule(scenario: Scenario, material: Material): Type {
  const metadata =
    scenario.guard === 'none'
      ? { controllers: [BareController] }
      : scenario.guard === 'tokenward'
        ? {
            imports: [JwtAuthModule.forRoot(tokenwardOptions(scenario, material))],
            controllers: [TokenwardController],
          }
        : {
            imports: [PassportModule],
            controllers: [PassportController],
            providers: [passportStrategy(material)],
          };
  class BenchModule {}
  Module(metadata)(BenchModule);
  return BenchModule;
}

/**
 * Starts the Nest (express platform) server of a scenario on 127.0.0.1 (a free port).
 *
 * @param scenario - bare, JwtGuard or @nestjs/passport + passport-jwt
 * @param material - keys and URLs
 * @returns the listening server
 * @example
 * ```ts
 * const server = await startNest(scenario, material);
 * ```
 */
export async function startNest(scenario: Scenario, material: Material): Promise<Server> {
  const app = await NestFactory.create(rootModule(scenario, material), { logger: false });
  await app.listen(0, '127.0.0.1');
  return app.getHttpServer() as Server;
}
