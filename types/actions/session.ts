import { z } from 'zod'
import { meSchema } from '../entities'
import { ANY_ROLE, defineAction } from './define'

export const sessionActions = {
  'session.me': defineAction({
    summary: '当前登录用户的身份、角色和所属家站点',
    roles: ANY_ROLE,
    input: z.object({}),
    output: meSchema,
    mutates: false,
  }),
  'subscription.record': defineAction({
    summary: '记录用户在订阅消息弹窗中同意的模板（每次同意可推送一条）',
    roles: ANY_ROLE,
    input: z.object({
      accepted: z.array(z.enum(['progress', 'reply', 'booking']), { error: '订阅结果格式不正确' }).max(3),
    }),
    output: z.object({ credits: z.record(z.string(), z.number()) }),
    mutates: true,
  }),
}
