import { UseGuards } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { Claim, JwtAuthService, JwtGuard, Roles, socketIoAuth } from '@tokenward/nestjs';
import type { Server } from 'socket.io';

/**
 * socket.io events on the same login: connect with `io(url, { auth: { token } })`. A bad
 * handshake is refused at connect time (`connect_error`); after that, JwtGuard verifies the
 * token again for every message, so a logout stops the open socket's next message (the
 * `exception` event, `{ status, code, message }`).
 */
@WebSocketGateway()
@UseGuards(JwtGuard)
export class EventsGateway implements OnGatewayInit {
  constructor(private readonly auth: JwtAuthService) {}

  afterInit(server: Server): void {
    server.use(socketIoAuth(this.auth));
  }

  @SubscribeMessage('whoami')
  whoami(@Claim('sub') sub: string) {
    return { sub };
  }

  @Roles('admin')
  @SubscribeMessage('broadcast')
  broadcast(@Claim('sub') sub: string) {
    return { message: `${sub} may broadcast` };
  }
}
