import { z } from 'zod'
import { AUDIT_OBJECT_TYPES, auditEntrySchema } from '../audit'
import { id } from '../fields'
import { defineAction } from './define'

export const AUDIT_PAGE_MAX = 100

export const auditActions = {
  'admin.audit.list': defineAction({
    summary: '操作日志：按对象或操作人筛选（只读，不能修改或删除）',
    roles: ['admin'],
    input: z.object({
      objectType: z.enum(AUDIT_OBJECT_TYPES, { error: '对象类型不正确' }).optional(),
      objectId: id('对象编号').optional(),
      actorId: id('操作人编号').optional(),
      /** Only records before this instant (the `at` of the last one shown): the next page. */
      before: z.iso.datetime({ error: '时间格式不正确' }).optional(),
      limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
    }),
    output: z.object({ entries: z.array(auditEntrySchema), hasMore: z.boolean() }),
    mutates: false,
  }),
}
