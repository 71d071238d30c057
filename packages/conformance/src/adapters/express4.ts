import express4 from 'express4';
import { expressAdapter } from '../lib/express-app.js';

/** @tokenward/express on Express 4. */
export const adapter = expressAdapter('express4', express4);
