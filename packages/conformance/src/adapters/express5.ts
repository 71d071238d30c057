import express from 'express';
import { expressAdapter } from '../lib/express-app.js';

/** @tokenward/express on Express 5. */
export const adapter = expressAdapter('express5', express);
