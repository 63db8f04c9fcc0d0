// 分级负责 and time limits, as the front end and the server both name them. No zod here (labels only),
// so pages can import them without pulling schema code into the main package.

/**
 * Who holds a case: the station where it was raised, or a congress office it was forwarded to —
 * the same-level 街道人大工委 (`street`) or the upper-level 区人大常委会 (`district`).
 */
export const HANDLER_LEVELS = ['station', 'street', 'district'] as const
export type HandlerLevel = (typeof HANDLER_LEVELS)[number]
export const HANDLER_LEVEL_LABELS: Record<HandlerLevel, string> = {
  station: '家站点',
  street: '街道人大工委',
  district: '区人大常委会',
}

/**
 * The clock a case runs against now (one at a time):
 * - `accept`: the station (on submission) or the office a case was forwarded to accepts, answers or
 *   passes it on within 24 hours;
 * - `answer`: once a station accepted it, it answers (on the spot) or forwards it within the handling
 *   limit (7 working days);
 * - `unit`: the handling unit answers within 7 working days (15 for complex items; extendable once);
 * - `rehandle`: after 不满意, the new answer comes within 1 month;
 * - `rate`: the resident rates the answer within 7 days, or the case closes itself.
 */
export const DEADLINE_KINDS = ['accept', 'answer', 'unit', 'rehandle', 'rate'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  accept: '受理期限',
  answer: '答复期限',
  unit: '承办单位答复期限',
  rehandle: '重新办理期限',
  rate: '评价期限',
}
