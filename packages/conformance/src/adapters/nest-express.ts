import { ExpressAdapter } from '@nestjs/platform-express';
import { nestAdapter } from '../lib/nest-app.js';

/** @tokenward/nestjs on @nestjs/platform-express. */
export const adapter = nestAdapter('nest-express', () => new ExpressAdapter());
