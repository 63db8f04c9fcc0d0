// Error codes of the api envelope, with the Chinese message a resident reads by default.
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  INVALID_STATE: '当前状态下不能进行此操作，请刷新后查看最新进展',
  CONFLICT: '该事项刚刚已被他人处理，请刷新后查看',
  RATE_LIMITED: '今天提交的次数已达上限，请明天再试',
  CONTENT_REJECTED: '内容包含不当信息，请修改后再提交',
  REQUEST_IN_PROGRESS: '上一次提交仍在处理中，请稍后查看',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ApiError {
  code: ErrorCode
  message: string
  /** For INVALID_INPUT: the path of the offending field, e.g. `content`. */
  field?: string
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export interface ApiRequest {
  action: string
  input?: unknown
  requestId?: string
}
