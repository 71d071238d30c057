import { isIP } from 'node:net';

/**
 * Whether an address or URL host is loopback: 127.0.0.0/8, `::1`, an IPv4-mapped loopback, or the
 * name `localhost`. Brackets of an IPv6 URL host are accepted.
 */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const host = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (host.toLowerCase() === 'localhost') return true;
  const version = isIP(host);
  if (version === 4) return host.startsWith('127.');
  if (version !== 6) return false;
  const lower = host.toLowerCase();
  if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped (`::ffff:127.0.0.1`, also written `::ffff:7f00:1`).
  if (!lower.startsWith('::ffff:')) return false;
  const rest = lower.slice(7);
  return rest.startsWith('127.') || /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(rest);
}
