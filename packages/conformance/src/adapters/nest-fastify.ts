import { FastifyAdapter } from '@nestjs/platform-fastify';
import { nestAdapter } from '../lib/nest-app.js';

/** @tokenward/nestjs on @nestjs/platform-fastify. */
export const adapter = nestAdapter('nest-fastify', () => new FastifyAdapter());
