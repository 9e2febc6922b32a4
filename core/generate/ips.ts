import type { Rng } from './rng';

// prettier-ignore
const RESIDENTIAL_FIRST_OCTETS = [
  24, 47, 50, 63, 64, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 107, 108, 173, 174, 184,
  2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109,
  117, 122, 151, 176, 178, 188, 212, 213, 217,
];
const DATACENTER_FIRST_OCTETS = [
  34, 35, 45, 52, 54, 104, 134, 138, 139, 142, 143, 159, 161, 164, 165, 167, 185, 192, 198, 209,
];

function dotted(first: number, rng: Rng): string {
  return `${first}.${rng.int(256)}.${rng.int(256)}.${rng.range(1, 254)}`;
}

/** A public IPv4 address in ranges ISPs hand to homes and mobile carriers. */
export function residentialIp(rng: Rng): string {
  return dotted(rng.pick(RESIDENTIAL_FIRST_OCTETS), rng);
}

/** A public IPv4 address in ranges of hosting providers (VPN exits, proxies, emulator farms). */
export function datacenterIp(rng: Rng): string {
  return dotted(rng.pick(DATACENTER_FIRST_OCTETS), rng);
}

/** A home IPv6 address (a /64 from a residential ISP prefix and a random interface id). */
export function homeIpv6(rng: Rng): string {
  const h = (): string => rng.int(0x10000).toString(16);
  return `${rng.pick(['2601', '2600', '2a02', '2a01', '2405'])}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}

/**
 * The same IPv4 address as some log pipelines write it: zero-padded octets or the IPv4-mapped
 * IPv6 form. Both normalise back to the plain address.
 */
export function ipVariant(rng: Rng, ip: string): string {
  if (ip.indexOf(':') !== -1) return ip.toUpperCase();
  if (rng.chance(0.5)) return `::ffff:${ip}`;
  return ip
    .split('.')
    .map((o) => o.padStart(3, '0'))
    .join('.');
}
