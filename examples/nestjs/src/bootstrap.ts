import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module.js';
import { BadRequestFilter } from './bad-request.filter.js';
import { readConfig } from './config.js';

/** A started example server. */
export interface RunningExample {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the example on `PORT` (0 picks a free port) with the given environment.
 *
 * @param env - the environment variables (PORT, JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE, REDIS_URL)
 * @param host - the interface to listen on
 */
export async function bootstrap(
  env: NodeJS.ProcessEnv,
  host = '127.0.0.1',
): Promise<RunningExample> {
  const config = readConfig(env);
  const app = await NestFactory.create(AppModule.register(config), {
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new BadRequestFilter());
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new IoAdapter(app));
  await app.listen(config.port, host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}
