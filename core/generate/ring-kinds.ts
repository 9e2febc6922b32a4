import type { RingGenerator } from './ring-common';
import type { RingKind } from './ring-kind';
import { deviceFarm } from './ring-device-farm';
import { syntheticIdentity } from './ring-synthetic-identity';
import { muleNetwork } from './ring-mule-network';
import { bustOut } from './ring-bust-out';
import { sleeper } from './ring-sleeper';

/** The generator of each ring kind. */
export const RING_GENERATORS: Readonly<Record<RingKind, RingGenerator>> = {
  device_farm: deviceFarm,
  synthetic_identity: syntheticIdentity,
  mule_network: muleNetwork,
  bust_out: bustOut,
  sleeper,
};
