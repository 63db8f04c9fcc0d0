import { ERROR_MESSAGES, type ErrorCode } from '@minyi/types'

/** An expected refusal: it becomes `{ ok: false, error: { code, message } }` for the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    /** For INVALID_INPUT: the input field the message is about (shown next to it). */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
