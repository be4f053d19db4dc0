import { isIPv4, isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The 16-bit groups of an IPv6 address that sit before any `::` gap is filled, and after it. */
function groupsOf(part: string): number[] {
  if (part === '') return [];
  // An embedded IPv4 address (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) is the last two groups.
  return part.split(':').flatMap((group) => (group.includes('.') ? [0, 0] : [parseInt(group, 16)]));
}

/**
 * The key a client's failed sign-ins are counted under: an IPv4 address as it is, and an IPv6
 * address by its /64 prefix. A subscriber is normally given a whole /64, so counting single IPv6
 * addresses would hand every attacker 2^64 fresh ones. An IPv4-mapped IPv6 address (`::ffff:…`,
 * as Node reports IPv4 clients on a dual-stack socket) is its IPv4 address.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  const withoutZone = address.split('%')[0] as string;
  if (isIPv4(withoutZone)) return withoutZone;
  if (!isIPv6(withoutZone)) return address;
  const gap = withoutZone.indexOf('::');
  const groups =
    gap === -1
      ? groupsOf(withoutZone)
      : (() => {
          const head = groupsOf(withoutZone.slice(0, gap));
          const tail = groupsOf(withoutZone.slice(gap + 2));
          return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
        })();
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
