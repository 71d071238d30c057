import type { Response } from 'express';
import { describeDpopOverHttp } from '@tokenward/test-tokens';
import { jwt, type AuthRequest } from '../src/index.js';
import { MAJORS, VERIFY, sign } from './fixtures.js';

// The DPoP walk every adapter shares, on both Express majors, behind `trust proxy`.
for (const [name, express] of MAJORS) {
  describeDpopOverHttp(name, { VERIFY, sign }, (routes, ran) => {
    const app = express();
    app.set('trust proxy', 'loopback');
    for (const [path, options] of Object.entries(routes)) {
      app.get(path, jwt(options), (req: AuthRequest, res: Response) => {
        ran();
        res.json({ sub: req.auth?.sub ?? null });
      });
    }
    return app;
  });
}
