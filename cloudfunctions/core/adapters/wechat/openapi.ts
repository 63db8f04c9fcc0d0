// The slice of wx-server-sdk's `cloud.openapi` the adapters use (it converts camelCase to snake_case).
export interface WxOpenApi {
  subscribeMessage: {
    send(args: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: string }): Promise<{ errCode?: number; errMsg?: string }>
  }
  security: {
    msgSecCheck(args: { openid: string; scene: number; version: number; content: string }): Promise<{
      errCode?: number
      errMsg?: string
      result?: { suggest: 'pass' | 'review' | 'risky'; label: number }
    }>
  }
  wxacode: {
    getUnlimited(args: { scene: string; page: string; checkPath?: boolean; envVersion?: string; width?: number }): Promise<{ buffer: Buffer; errCode?: number; errMsg?: string }>
  }
}

/** wx-server-sdk throws errors carrying `errCode`; turn both shapes into one. */
export function wxErrorCode(error: unknown): { code: number | string; message: string } {
  const e = error as { errCode?: number; errcode?: number; errMsg?: string; message?: string }
  return { code: e.errCode ?? e.errcode ?? 'UNKNOWN', message: e.errMsg ?? e.message ?? String(error) }
}
