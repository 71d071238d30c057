import { Controller, Get } from '@nestjs/common';
import { Claim, Claims, Public, Roles, type JwtClaims } from '@tokenward/nestjs';

/** The three resources of the contract; the global JwtGuard protects all but `/public`. */
@Controller()
export class ApiController {
  @Public()
  @Get('public')
  public() {
    return { message: 'Anyone can read this.' };
  }

  @Get('me')
  me(@Claims() claims: JwtClaims) {
    return claims;
  }

  @Roles('admin')
  @Get('admin')
  admin(@Claim('sub') sub: string) {
    return { message: `Welcome, ${sub}: you hold the admin role.` };
  }
}
