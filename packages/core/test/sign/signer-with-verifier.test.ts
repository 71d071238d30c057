import {
  ALGORITHMS,
  createSigner,
  createVerifier,
  generateKeyPair,
  generateSecret,
  type Algorithm,
} from '../../src/index.js';

const NOW_MS = 1_700_000_000_000;
const clock = () => NOW_MS;

describe('our signer, our verifier', () => {
  it.each([...ALGORITHMS])('%s round-trips with iss, aud, typ and kid', async (alg: Algorithm) => {
    let signKey;
    let verifyKey;
    if (alg.startsWith('HS')) signKey = verifyKey = generateSecret(alg);
    else ({ privateKey: signKey, publicKey: verifyKey } = await generateKeyPair(alg));
    const signer = createSigner({
      algorithm: alg,
      key: signKey,
      issuer: 'iss',
      audience: ['aud', 'other'],
      typ: 'at+jwt',
      kid: 'k',
      clock,
    });
    const verifier = createVerifier({
      algorithms: [alg],
      key: verifyKey,
      issuer: 'iss',
      audience: 'aud',
      typ: 'at+jwt',
      requiredClaims: ['exp', 'iat', 'jti'],
      clock,
    });
    const { header, payload } = await verifier.verify(await signer.sign({ sub: 'alice' }));
    expect(header).toMatchObject({ alg, typ: 'at+jwt', kid: 'k' });
    expect(payload).toMatchObject({ sub: 'alice', iat: NOW_MS / 1000, exp: NOW_MS / 1000 + 900 });
  });

  it('signs the deepest claims the verifier still reads', async () => {
    const key = generateSecret('HS256');
    const signer = createSigner({ algorithm: 'HS256', key, clock });
    const verifier = createVerifier({ algorithms: ['HS256'], key, clock });
    let value: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) value = { v: value };
    await expect(verifier.verify(await signer.sign({ value }))).resolves.toBeDefined();
  });
});
