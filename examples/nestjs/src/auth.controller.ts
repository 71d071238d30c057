import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { verifyDpopProof } from '@tokenward/core';
import {
  Claims,
  clearAuthCookie,
  JwtAuthService,
  JwtError,
  JwtHttpException,
  Public,
  serializeAuthCookie,
  type AuthCookieOptions,
  type JwtClaims,
} from '@tokenward/nestjs';
import { TOKEN_LIFETIME_SECONDS } from './config.js';
import { dpopReplay } from './dpop-replay.js';
import { checkPassword, INVALID_LOGIN_BODY, readCredentials } from './users.js';

/** The parts of the Express request and response this controller touches. */
interface HttpRequest {
  secure: boolean;
  hostname: string;
  method: string;
  protocol: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
}
interface HttpResponse {
  setHeader(name: string, value: string): void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

// Secure cookies are never sent back over plain HTTP, so local plain-HTTP runs drop the flag.
function cookieOptions(req: HttpRequest): AuthCookieOptions {
  return { name: 'access_token', secure: req.secure || !LOOPBACK.has(req.hostname) };
}

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: JwtAuthService) {}

  /** Checks the demo credentials and issues a token, in the body and as an HttpOnly cookie. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: unknown,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const credentials = readCredentials(body);
    if (credentials === undefined) throw new BadRequestException(INVALID_LOGIN_BODY);
    const user = await checkPassword(credentials.username, credentials.password);
    if (!user) {
      throw new UnauthorizedException({
        error: 'invalid_credentials',
        error_description: 'Unknown user or wrong password',
      });
    }
    if (req.headers.dpop !== undefined) {
      // A DPoP proof for this request: the token is bound to the proof's key (cnf.jkt), no cookie.
      try {
        const proof = await verifyDpopProof(req.headers.dpop, {
          method: req.method,
          url: `${req.protocol}://${String(req.headers.host)}${req.originalUrl}`,
          replay: dpopReplay,
        });
        const claims = { sub: user.username, roles: user.roles };
        const token = await this.auth.sign(claims, { dpopJkt: proof.jkt });
        return { access_token: token, token_type: 'DPoP', expires_in: TOKEN_LIFETIME_SECONDS };
      } catch (err) {
        if (!(err instanceof JwtError)) throw err;
        for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
        throw new JwtHttpException(err);
      }
    }
    const accessToken = await this.auth.sign({ sub: user.username, roles: user.roles });
    res.setHeader('Set-Cookie', serializeAuthCookie(accessToken, cookieOptions(req)));
    return { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
  }

  /** Revokes the presented token by its `jti` (until it expires) and clears the cookie. */
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Claims() claims: JwtClaims,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    await this.auth.revoke(claims);
    res.setHeader('Set-Cookie', clearAuthCookie(cookieOptions(req)));
  }
}
