/** The kinds of planted rings, as written in truth.json. */
export const RING_KINDS = [
  'device_farm',
  'synthetic_identity',
  'mule_network',
  'bust_out',
  'sleeper',
] as const;
export type RingKind = (typeof RING_KINDS)[number];

/** Relative frequency of each kind beyond the first of each. */
export const RING_KIND_WEIGHTS: Readonly<Record<RingKind, number>> = {
  device_farm: 0.25,
  synthetic_identity: 0.2,
  mule_network: 0.2,
  bust_out: 0.2,
  sleeper: 0.15,
};
