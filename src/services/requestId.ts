// Idempotency keys for mutating requests: one per user intent (a tap on 提交), reused by the
// automatic retry of that same request so the server does the work once.
let counter = 0

export function newRequestId(): string {
  counter = (counter + 1) % 1296
  const random = Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')
  return `r${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${random}`
}
