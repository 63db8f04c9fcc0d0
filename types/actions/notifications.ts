import { z } from 'zod'
import { notificationSchema } from '../entities'
import { id } from '../fields'
import { ANY_ROLE, defineAction } from './define'

export const notificationActions = {
  'notification.list': defineAction({
    summary: '我的消息',
    roles: ANY_ROLE,
    input: z.object({}),
    output: z.object({ notifications: z.array(notificationSchema), unread: z.number() }),
    mutates: false,
  }),
  'notification.markRead': defineAction({
    summary: '将本人的消息标为已读（不传编号则全部已读；他人的消息编号答复未找到）',
    roles: ANY_ROLE,
    input: z.object({ notificationId: id('消息编号').optional() }),
    output: z.object({ unread: z.number() }),
    mutates: false,
  }),
}
