import type { IdFactory } from './ids';
import { Rng, WeightedPicker, zipfWeights } from './rng';
import { BUSINESS_NOUNS, BUSINESS_WORDS } from './names';
import { datacenterIp, residentialIp } from './ips';

export interface MerchantCategory {
  name: string;
  /** Share of merchants in this category. */
  share: number;
  /** Log-normal amount in US dollars: exp(mu + sigma·N(0,1)). */
  mu: number;
  sigma: number;
  /** In-store merchants have terminals, whose device id appears on card-present payments. */
  inStore: boolean;
}

export const MERCHANT_CATEGORIES: readonly MerchantCategory[] = [
  { name: 'grocery', share: 0.2, mu: 3.7, sigma: 0.6, inStore: true },
  { name: 'coffee', share: 0.12, mu: 1.9, sigma: 0.4, inStore: true },
  { name: 'restaurant', share: 0.15, mu: 3.4, sigma: 0.5, inStore: true },
  { name: 'fuel', share: 0.07, mu: 3.8, sigma: 0.3, inStore: true },
  { name: 'pharmacy', share: 0.05, mu: 3.0, sigma: 0.6, inStore: true },
  { name: 'clothing', share: 0.1, mu: 4.0, sigma: 0.7, inStore: true },
  { name: 'electronics', share: 0.06, mu: 5.2, sigma: 0.9, inStore: true },
  { name: 'marketplace', share: 0.1, mu: 3.5, sigma: 0.9, inStore: false },
  { name: 'utilities', share: 0.06, mu: 4.4, sigma: 0.5, inStore: false },
  { name: 'travel', share: 0.05, mu: 5.6, sigma: 0.7, inStore: false },
  { name: 'giftcards', share: 0.02, mu: 4.0, sigma: 0.6, inStore: false },
  { name: 'crypto', share: 0.02, mu: 5.0, sigma: 1.0, inStore: false },
];

export interface Merchant {
  index: number;
  id: string;
  name: string;
  category: MerchantCategory;
  /** Card-present terminals (device ids), empty for online merchants. */
  terminals: string[];
  /** Small businesses that are also customers have a users row. */
  hasAccount: boolean;
  /** Share of its sales disputed by (legitimate) customers: high for a few failing shops. */
  chargebackRate: number;
}

export interface Site {
  ips: string[];
  /** Shared public computers (libraries, hotel lobbies): device ids used by many accounts. */
  publicDevices: string[];
}

/**
 * Everything legitimate accounts share at scale and detection must not mistake for rings:
 * mobile carriers behind carrier-grade NAT, offices, public Wi-Fi, VPN exits, and merchants
 * with their terminals. Popularity is heavy-tailed, so a few of each are used by thousands.
 */
export class Infrastructure {
  readonly carriers: string[][];
  readonly offices: Site[];
  readonly hotspots: Site[];
  readonly vpnExits: string[];
  readonly merchants: Merchant[];
  readonly officePicker: WeightedPicker;
  readonly hotspotPicker: WeightedPicker;
  readonly merchantPicker: WeightedPicker;
  private readonly byCategory = new Map<string, Merchant[]>();

  constructor(
    rng: Rng,
    ids: IdFactory,
    people: number,
    merchantCount: number,
    accountShare: number,
  ) {
    const carrierPool = Math.max(3, Math.ceil(people / 4000));
    this.carriers = Array.from({ length: 4 }, () =>
      Array.from({ length: carrierPool }, () => residentialIp(rng)),
    );

    const officeCount = Math.max(3, Math.round(people / 350));
    this.offices = Array.from({ length: officeCount }, () => ({
      ips: Array.from({ length: rng.chance(0.3) ? 2 : 1 }, () => residentialIp(rng)),
      publicDevices: [],
    }));
    this.officePicker = new WeightedPicker(
      Array.from({ length: officeCount }, () => rng.lognormal(3.5, 1.1)),
    );

    const hotspotCount = Math.max(4, Math.round(people / 1500));
    this.hotspots = Array.from({ length: hotspotCount }, () => ({
      ips: [residentialIp(rng)],
      publicDevices: rng.chance(0.25)
        ? Array.from({ length: rng.range(1, 3) }, () => ids.device())
        : [],
    }));
    this.hotspotPicker = new WeightedPicker(zipfWeights(hotspotCount, 0.7));

    this.vpnExits = Array.from({ length: Math.max(8, Math.round(people / 20000)) }, () =>
      datacenterIp(rng),
    );

    const categoryPicker = new WeightedPicker(MERCHANT_CATEGORIES.map((c) => c.share));
    this.merchants = [];
    for (let i = 0; i < merchantCount; i++) {
      const category =
        i < MERCHANT_CATEGORIES.length
          ? MERCHANT_CATEGORIES[i]
          : MERCHANT_CATEGORIES[categoryPicker.pick(rng)];
      const merchant: Merchant = {
        index: i,
        id: ids.merchant(i),
        name: `${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_NOUNS[category.name])}`,
        category,
        terminals: category.inStore
          ? Array.from({ length: rng.range(1, 3) }, () => ids.device())
          : [],
        hasAccount: false,
        chargebackRate: 0.0015,
      };
      this.merchants.push(merchant);
      const list = this.byCategory.get(category.name) ?? [];
      list.push(merchant);
      this.byCategory.set(category.name, list);
    }
    const every = Math.max(1, Math.round(1 / accountShare));
    for (let i = every - 1; i < merchantCount; i += every) this.merchants[i].hasAccount = true;
    this.merchantPicker = new WeightedPicker(zipfWeights(merchantCount, 1.0));
    for (let k = 2 + Math.floor(merchantCount / 1000); k > 0; k--) {
      const m =
        this.merchants[
          rng.range(Math.min(15, merchantCount - 1), Math.min(200, merchantCount - 1))
        ];
      m.chargebackRate = rng.between(0.15, 0.4);
    }
  }

  /** A merchant, by popularity. */
  merchant(rng: Rng): Merchant {
    return this.merchants[this.merchantPicker.pick(rng)];
  }

  /** A merchant of one category (the first of them is the most popular). */
  merchantIn(rng: Rng, category: string): Merchant {
    const list = this.byCategory.get(category) as Merchant[];
    return list[Math.min(list.length - 1, Math.floor(list.length * rng.float() * rng.float()))];
  }

  carrierIp(rng: Rng, carrier: number): string {
    return rng.pick(this.carriers[carrier]);
  }
}
