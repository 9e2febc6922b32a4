import { hash32 } from './rng';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(x: number): string {
  return HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

/**
 * Opaque, collision-free ids: a counter scrambled by a bijective mixer salted with the seed,
 * so ids reveal neither the order rows were generated in nor which group they belong to.
 */
export class IdFactory {
  private devices = 0;
  private cards = 0;
  private payments = 0;
  private externals = 0;

  constructor(private readonly salt: number) {}

  user(index: number): string {
    return `u${hex8(hash32((index ^ this.salt) >>> 0))}`;
  }

  merchant(index: number): string {
    return `m${hex8(hash32((index ^ this.salt ^ 0x6d657263) >>> 0))}`;
  }

  /** An account outside the data set (no users row): a bank, wallet or exchange on the other side. */
  external(): string {
    return `x${hex8(hash32((this.externals++ ^ this.salt ^ 0x65787465) >>> 0))}`;
  }

  payment(): string {
    return `p${hex8(hash32((this.payments++ ^ this.salt ^ 0x7061796d) >>> 0))}`;
  }

  device(): string {
    const k = this.devices++;
    return (
      hex8(hash32((k ^ this.salt ^ 0x64657669) >>> 0)) + hex8(hash32((k * 7 + this.salt) >>> 0))
    );
  }

  card(): string {
    const k = this.cards++;
    return `card_${hex8(hash32((k ^ this.salt ^ 0x63617264) >>> 0))}${HEX[hash32(k + 1) & 255]}${HEX[hash32(k + 2) & 255]}`;
  }
}
