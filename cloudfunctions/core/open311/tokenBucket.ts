// Per-client rate limit: a token bucket per IP (capacity `burst`, refilled at `perSecond`), kept in
// the memory of one process or function instance. CloudBase scales the function out, so the limit
// holds per instance; it protects the store from one client's burst, not from a distributed crowd.
export interface TokenBucketOptions {
  burst: number
  perSecond: number
  /** Buckets kept at most; the oldest are dropped beyond that. */
  maxClients?: number
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>()
  constructor(private options: TokenBucketOptions) {}

  /** Takes one token for `client`; returns 0 when allowed, else the seconds to wait. */
  take(client: string, nowMs: number): number {
    const { burst, perSecond } = this.options
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: nowMs }
    const tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * perSecond)
    this.buckets.delete(client)
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: nowMs })
      return Math.max(1, Math.ceil((1 - tokens) / perSecond))
    }
    this.buckets.set(client, { tokens: tokens - 1, at: nowMs })
    if (this.buckets.size > (this.options.maxClients ?? 10_000)) {
      const oldest = this.buckets.keys().next().value
      if (oldest !== undefined) this.buckets.delete(oldest)
    }
    return 0
  }
}
