// The 12345 hotline link: a case the office transfers to the hotline (a handling unit of kind
// `hotline`) is pushed to the partner's platform through its adapter; the partner's status updates
// and final answer come back through a signed webhook (application/hotline/hotlineCallback.ts).
// One adapter per partner (a province's 12345 platform, a city's); docs/hotline-12345.md has the
// wire format of the generic signed-JSON adapter.

/** What is pushed: the case's public fields, never the resident's name, phone or openid. */
export interface HotlinePush {
  /** Our tracking number: the partner quotes it in every callback. */
  caseRef: string
  category: string
  categoryLabel: string
  content: string
  place: string | null
  stationName: string
  officeName: string
  /** The Shanghai day the answer is due, `YYYY-MM-DD`. */
  dueDate: string
  note: string | null
  /** When the case was raised (ISO 8601). */
  raisedAt: string
}

export type HotlinePushResult =
  | { ok: true; partnerRef: string | null }
  | { ok: false; retryable: boolean; message: string }

export interface HotlineAdapter {
  /** e.g. `12345`. */
  readonly partner: string
  push(push: HotlinePush): Promise<HotlinePushResult>
  /** The shared secret the partner signs its callbacks with. */
  readonly callbackSecret: string
}

export interface HotlineLink {
  adapter(partner: string): HotlineAdapter | null
}

export function hotlineLink(adapters: HotlineAdapter[]): HotlineLink {
  const byPartner = new Map(adapters.map((a) => [a.partner, a]))
  return { adapter: (partner) => byPartner.get(partner) ?? null }
}
