// The two linters of published packages, run on a tarball.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const require = createRequire(import.meta.url);

/**
 * Runs `attw` (Are the Types Wrong?) with its strict profile on a tarball: every entry point must
 * resolve to matching types under node10, node16 (CJS and ESM) and bundler resolution.
 *
 * @param {string} tarball - the packed package
 * @returns {{ ok: boolean, output: string }} whether attw found no problem, and its report
 * @example
 * const { ok, output } = runAttw('/tmp/tokenward-core-0.1.0.tgz');
 */
export function runAttw(tarball) {
  const manifest = require.resolve('@arethetypeswrong/cli/package.json');
  const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.attw);
  const result = spawnSync(process.execPath, [bin, tarball, '--format', 'ascii', '--no-color'], {
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * Runs publint in strict mode on a tarball; any message (error, warning or suggestion) counts.
 *
 * @param {string} tarball - the packed package
 * @returns {Promise<string[]>} the messages, empty when clean
 * @example
 * expect(await runPublint('/tmp/tokenward-core-0.1.0.tgz')).toEqual([]);
 */
export async function runPublint(tarball) {
  const bytes = readFileSync(tarball);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, strict: true });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`);
}
