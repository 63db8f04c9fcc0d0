import { ERROR_MESSAGES, type ErrorCode } from '@minyi/types'

/** An expected refusal: it becomes `{ ok: false, error: { code, message } }` for the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
