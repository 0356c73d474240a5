// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Checks a webhook URL against the API's published rules before the request
 * goes out, so a caller learns at once why the API would refuse it.
 */

export interface WebhookUrlRules {
  schemes?: readonly string[];
  maxLength?: number;
  denyHosts?: readonly string[];
  denySuffixes?: readonly string[];
  denyPrivateNetworks?: boolean;
}

function isPrivateIPv4(host: string): boolean {
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
  const [a = 0, b = 0] = parts;
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function isPrivateIPv6(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!address.includes(':')) return false;
  if (address === '::1' || address === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return isPrivateIPv4(mapped[1]);
  // The URL parser writes an IPv4-mapped address in hex (::ffff:127.0.0.1 becomes ::ffff:7f00:1).
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mappedHex?.[1] && mappedHex[2]) {
    const high = parseInt(mappedHex[1], 16);
    const low = parseInt(mappedHex[2], 16);
    return isPrivateIPv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return /^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address);
}

/** The reason the URL breaks a rule, or undefined when it satisfies them all. */
export function webhookUrlProblem(url: string, rules: WebhookUrlRules): string | undefined {
  if (rules.maxLength !== undefined && url.length > rules.maxLength)
    return `is ${url.length} characters long; the limit is ${rules.maxLength}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (rules.schemes && !rules.schemes.includes(scheme)) return `uses ${scheme}; allowed: ${rules.schemes.join(', ')}`;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (rules.denyHosts?.some((denied) => host === denied.toLowerCase()))
    return `points at ${host}, which is not allowed`;
  const suffix = rules.denySuffixes?.find((denied) => host.endsWith(denied.toLowerCase()));
  if (suffix) return `points at a ${suffix} host, which is not allowed`;
  if (rules.denyPrivateNetworks && (isPrivateIPv4(host) || isPrivateIPv6(host)))
    return `points at the private or loopback address ${host}`;
  return undefined;
}
