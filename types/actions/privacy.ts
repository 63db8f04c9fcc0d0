// 适老化 preferences, the resident's own data (PIPL: see, copy, withdraw, erase) and 代录 (staff
// register an opinion for a resident who came in person or phoned; the resident claims it later).
import { z } from 'zod'
import { CATEGORIES } from '../enums'
import { fileOutputSchema, myDataSchema, ASSISTED_CHANNELS } from '../privacyViews'
import { flag, id, oneOf, optionalMobilePhone, optionalText, text } from '../fields'
import { ANY_ROLE, STAFF_ROLES, defineAction } from './define'
import { CONTENT_MAX, CONTENT_MIN } from './cases'

export const CLAIM_CODE = /^[0-9A-Za-z]{12}$/

export const assistedRegisterInput = z.object({
  stationId: id('家站点'),
  channel: z.enum(ASSISTED_CHANNELS, { error: '请选择来访或来电' }),
  residentName: text('群众姓名', { max: 20 }),
  phone: optionalMobilePhone,
  category: oneOf(CATEGORIES, '问题类别'),
  content: text('反映内容', { min: CONTENT_MIN, max: CONTENT_MAX }),
  place: optionalText('地点', 100),
})

export const privacyActions = {
  'privacy.setPreferences': defineAction({
    summary: '保存大字模式等显示偏好（随账号保存）',
    roles: ANY_ROLE,
    input: z.object({ largeText: flag('大字模式') }),
    output: z.object({ largeText: z.boolean() }),
    mutates: true,
  }),
  'privacy.myData': defineAction({
    summary: '个人信息：平台保存的关于本人的全部信息（电话脱敏）和工作人员查看电话的记录',
    roles: ['resident'],
    input: z.object({}),
    output: myDataSchema,
    mutates: false,
  }),
  'privacy.revealMyPhone': defineAction({
    summary: '本人再次确认后查看自己留下的完整电话',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ phones: z.array(z.object({ ref: z.string(), phone: z.string() })) }),
    mutates: false,
  }),
  'privacy.export': defineAction({
    summary: '导出我的数据：JSON 和可阅读的 PDF',
    roles: ['resident'],
    input: z.object({ format: z.enum(['json', 'pdf'], { error: '请选择导出格式' }) }),
    output: fileOutputSchema,
    mutates: false,
  }),
  'privacy.withdrawPhone': defineAction({
    summary: '撤回对电话号码的同意：删除本人留下的全部电话号码',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ removed: z.number() }),
    mutates: true,
  }),
  'privacy.erase': defineAction({
    summary: '注销并删除：删除电话、姓名和微信身份的关联，民意保留为匿名记录，取消未来的预约',
    roles: ['resident'],
    input: z.object({ confirm: z.literal(true, { error: '请先确认注销' }) }),
    output: z.object({ erased: z.literal(true) }),
    mutates: true,
  }),
  'assisted.register': defineAction({
    summary: '代录：工作人员为来访、来电群众登记民意，返回回执认领码',
    roles: STAFF_ROLES,
    input: assistedRegisterInput,
    output: z.object({ id: z.string(), trackingNo: z.string(), claimCode: z.string() }),
    mutates: true,
  }),
  'assisted.receipt': defineAction({
    summary: '代录回执 PDF：追踪编号和认领二维码',
    roles: STAFF_ROLES,
    input: z.object({ caseId: id('民意编号') }),
    output: fileOutputSchema,
    mutates: false,
  }),
  'assisted.claim': defineAction({
    summary: '群众扫回执二维码认领代录的民意（只能认领一次）',
    roles: ['resident'],
    input: z.object({ code: z.string({ error: '缺少认领码' }).regex(CLAIM_CODE, '认领码格式不正确') }),
    output: z.object({ id: z.string(), trackingNo: z.string() }),
    mutates: true,
  }),
}
