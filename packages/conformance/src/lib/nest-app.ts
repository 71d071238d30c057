import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { JwtClaims } from '@tokenward/core';
import {
  Claim,
  JwtAuthModule,
  OptionalAuth,
  Public,
  RequireClaims,
  Roles,
  Scopes,
} from '@tokenward/nestjs';
import type { AddressInfo } from 'node:net';
import type { AppConfig, ConformanceAdapter, RunningApp } from '../adapter.js';

const sub = (value: unknown) => ({ sub: typeof value === 'string' ? value : null });

// The app of AppConfig: JwtGuard registered globally; @Public / @OptionalAuth where the Express
// app uses `.unless()` / `credentialsRequired: false`.
@Controller()
class ConformanceController {
  @Public()
  @Get('public')
  open() {
    return { public: true };
  }

  @Get('protected')
  read(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @Post('protected')
  @HttpCode(200)
  write(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @Roles('admin')
  @Get('admin')
  admin(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @Roles(['admin', 'editor'], { mode: 'any' })
  @Get('staff')
  staff(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @Scopes('read:reports')
  @Get('reports')
  reports(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @RequireClaims((claims: JwtClaims) => claims.email_verified === true)
  @Get('verified')
  verified(@Claim('sub') value: unknown) {
    return sub(value);
  }

  @OptionalAuth()
  @Get('optional')
  optional(@Claim('sub') value: unknown) {
    return sub(value);
  }
}

/**
 * The conformance app on one Nest platform.
 *
 * @param name - display name
 * @param createAdapter - a fresh platform adapter per app
 */
export function nestAdapter(
  name: string,
  createAdapter: () => AbstractHttpAdapter,
): ConformanceAdapter {
  return {
    name,
    errorBody: (body, status) => ({ statusCode: status, ...body }),
    async start(config: AppConfig): Promise<RunningApp> {
      @Module({
        imports: [JwtAuthModule.forRoot({ ...config.auth, guard: 'global' })],
        controllers: [ConformanceController],
      })
      class ConformanceModule {}
      const app: INestApplication = await NestFactory.create(ConformanceModule, createAdapter(), {
        logger: false,
      });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  };
}
