import { RateLimitedError } from '../../core/auth/auth-errors';

export interface LoginLimits {
  /** Failed logins allowed per user name within the window. */
  failuresPerName: number;
  /** Login attempts allowed per client IP within the window. */
  attemptsPerIp: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  failuresPerName: 5,
  attemptsPerIp: 30,
  windowMs: 15 * 60 * 1000,
};

const SWEEP_AT = 10_000;

/** Times of recent events per key, pruned to the window on each look. */
class WindowCounter {
  private readonly events = new Map<string, number[]>();
  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    const list = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.events.set(key, list);
    else this.events.delete(key);
    return list.length;
  }

  add(key: string, now: number): void {
    if (this.events.size >= SWEEP_AT) this.sweep(now);
    this.count(key, now);
    this.events.set(key, [...(this.events.get(key) ?? []), now]);
  }

  /** Forgets keys with no event in the window, so guessing many names cannot grow memory without bound. */
  private sweep(now: number): void {
    for (const key of [...this.events.keys()]) this.count(key, now);
  }

  retryAfter(key: string, now: number): number {
    const oldest = this.events.get(key)?.[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}

/**
 * Limits password guessing: failures per user name (case-insensitive) and attempts per client
 * IP, in a sliding window, per server process. Checked before the password is, so a locked-out
 * name costs no scrypt work.
 */
export class LoginLimiter {
  private readonly byName: WindowCounter;
  private readonly byIp: WindowCounter;

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.byName = new WindowCounter(limits.windowMs);
    this.byIp = new WindowCounter(limits.windowMs);
  }

  /** Counts an attempt; throws `RateLimitedError` when the name or the IP is over its limit. */
  attempt(name: string, ip: string, now: number): void {
    const nameKey = name.toLowerCase();
    if (this.byIp.count(ip, now) >= this.limits.attemptsPerIp)
      throw new RateLimitedError(this.byIp.retryAfter(ip, now));
    if (this.byName.count(nameKey, now) >= this.limits.failuresPerName)
      throw new RateLimitedError(this.byName.retryAfter(nameKey, now));
    this.byIp.add(ip, now);
  }

  failed(name: string, now: number): void {
    this.byName.add(name.toLowerCase(), now);
  }
}
