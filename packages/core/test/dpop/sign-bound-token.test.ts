import { createSigner, createVerifier, jwkThumbprint } from '@tokenward/core';
import { decodeJwt } from 'jose';
import { dpopKey } from '../helpers/dpop-proofs';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const signer = createSigner({ algorithm: 'HS256', key: SECRET });
const jkt = jwkThumbprint(dpopKey().jwk);

describe('createSigner: DPoP-bound tokens (RFC 9449 §6.1)', () => {
  it('sets cnf.jkt from the dpopJkt sign option', async () => {
    const token = await signer.sign({ sub: 'alice' }, { dpopJkt: jkt });
    expect(decodeJwt(token).cnf).toEqual({ jkt });
    const { payload } = await createVerifier({ algorithms: ['HS256'], key: SECRET }).verify(token);
    expect(payload.cnf).toEqual({ jkt });
  });

  it('keeps a cnf claim given directly', async () => {
    const token = await signer.sign({ sub: 'alice', cnf: { jkt } });
    expect(decodeJwt(token).cnf).toEqual({ jkt });
  });

  it.each(['short', `${jkt}x`, jkt.replace(/.$/, 'B'), 42])(
    'refuses dpopJkt %p that is no SHA-256 thumbprint',
    async (value) => {
      await expect(signer.sign({}, { dpopJkt: value as string })).rejects.toThrow(
        '"options.dpopJkt"',
      );
    },
  );

  it('refuses dpopJkt together with a cnf claim', async () => {
    await expect(signer.sign({ cnf: { jkt } }, { dpopJkt: jkt })).rejects.toThrow(
      /cannot be combined/,
    );
  });
});
