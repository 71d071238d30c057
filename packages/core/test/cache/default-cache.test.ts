import crypto from 'node:crypto';
import {
  createSigner,
  createVerifier,
  generateSecret,
  type KeyResolver,
  type VerifierOptions,
} from '../../src/index.js';

// Which tokens a verifier remembers when `cache` is not given: those checked against a key fixed
// by the configuration. Observed through node:crypto: an HS256 verification hashes twice.
const secret = generateSecret('HS256');
const signer = createSigner({ algorithm: 'HS256', key: secret });

async function hashesFor(options: VerifierOptions, times: number): Promise<number> {
  const token = await signer.sign({ sub: 'alice' });
  const verifier = createVerifier(options);
  const spy = jest.spyOn(crypto, 'hash');
  try {
    for (let i = 0; i < times; i++) {
      expect((await verifier.verify(token)).payload.sub).toBe('alice');
    }
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('the verified-token cache by default', () => {
  it('is on for a configured key: a repeated token is verified once', async () => {
    expect(await hashesFor({ algorithms: ['HS256'], key: secret }, 1)).toBe(2);
    expect(await hashesFor({ algorithms: ['HS256'], key: secret }, 5)).toBe(2);
  });

  it('is off with cache: false: every call verifies the signature', async () => {
    expect(await hashesFor({ algorithms: ['HS256'], key: secret, cache: false }, 5)).toBe(10);
  });

  it('is off for a key resolver, whose key behind a kid may change', async () => {
    let calls = 0;
    const key: KeyResolver = () => {
      calls++;
      return secret;
    };
    expect(await hashesFor({ algorithms: ['HS256'], key }, 3)).toBe(6);
    expect(calls).toBe(3);
  });

  it('is on for a key resolver only when asked for', async () => {
    let calls = 0;
    const key: KeyResolver = () => {
      calls++;
      return secret;
    };
    expect(await hashesFor({ algorithms: ['HS256'], key, cache: true }, 3)).toBe(2);
    expect(calls).toBe(1);
  });
});
