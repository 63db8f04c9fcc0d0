// Delivers one WeChat subscribe message. The outbox decides what to send and records the result.

export interface PushMessage {
  openid: string
  /** Our template key ('progress', 'reply', …); the adapter maps it to a WeChat template id. */
  template: string
  /** Template values already checked against WeChat's limits. */
  data: Record<string, string>
  /** Mini-program page the message opens. */
  page: string
}

export type PushResult =
  | { ok: true }
  | {
      ok: false
      /** WeChat errcode when there is one (43101: no consent left; 47003: value out of bounds). */
      code: number | string
      message: string
      /** Whether trying again later can succeed. */
      retryable: boolean
    }

export interface Notifier {
  send(message: PushMessage): Promise<PushResult>
}
