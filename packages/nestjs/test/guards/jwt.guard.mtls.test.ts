import { Controller, Get, UseGuards, type INestApplication } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { bindingOutcomes, testCertificate } from '@tokenward/test-tokens';
import { Claim, JwtAuthModule, JwtGuard } from '../../src/index.js';
import { PLATFORMS } from '../helpers/app.js';
import { token, verifierOptions } from '../helpers/tokens.js';

const serverTls = testCertificate('127.0.0.1');
const alice = testCertificate('alice');
const mallory = testCertificate('mallory');

@Controller()
@UseGuards(JwtGuard)
class MeController {
  @Get('me')
  me(@Claim('sub') sub: string) {
    return { sub };
  }
}

describe.each(PLATFORMS)('certificate-bound tokens on Nest (%s, real TLS)', (platform) => {
  let app: INestApplication;
  let port: number;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [JwtAuthModule.forRoot({ ...verifierOptions, mtls: {} })],
      controllers: [MeController],
    }).compile();
    const httpsOptions = {
      cert: serverTls.cert,
      key: serverTls.key,
      requestCert: true,
      rejectUnauthorized: false,
    };
    app =
      platform === 'express'
        ? moduleRef.createNestApplication(new ExpressAdapter(), { logger: false, httpsOptions })
        : moduleRef.createNestApplication(new FastifyAdapter({ https: httpsOptions }), {
            logger: false,
          });
    await app.listen(0, '127.0.0.1');
    port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it("accepts a token bound to the connection's client certificate, refuses it otherwise", async () => {
    expect(
      await bindingOutcomes(
        port,
        '/me',
        await token({ cnf: { 'x5t#S256': alice.x5t } }),
        alice,
        mallory,
      ),
    ).toEqual(['200 alice', '401 ERR_MTLS_BINDING_MISMATCH', '401 ERR_MTLS_BINDING_MISMATCH']);
  });
});
