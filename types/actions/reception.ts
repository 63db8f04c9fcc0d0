// 民情接待日: rules, occurrences, duty roster, booking with waitlist, check-in, visit records and
// minutes. Staff manage their own stations; deputies see their duties and record visits;
// residents book, cancel and are checked in when they scan the station's code on the day.
import { z } from 'zod'
import { CATEGORIES } from '../enums'
import { DAY_OFF_POLICIES } from '../reception'
import {
  bookingViewSchema,
  caseLinkSchema,
  dutyViewSchema,
  occurrenceCardSchema,
  occurrenceDetailSchema,
  occurrenceManageSchema,
  receptionPatternSchema,
  receptionRuleSchema,
  visitorSchema,
} from '../receptionViews'
import { calendarDate, flag, id, oneOf, optionalMobilePhone, optionalText, text } from '../fields'
import { CASE_WORKERS, STAFF_ROLES, defineAction } from './define'

const stationCode = z
  .string({ error: '缺少家站点' })
  .trim()
  .min(1, '缺少家站点')
  .max(20, '家站点编码格式不正确')
  .regex(/^[0-9A-Za-z_-]+$/, '家站点编码格式不正确')

function clockTime(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 时:分，如 09:00`)
}

const occurrenceRef = { occurrenceId: id('接待日') }
const bookingRef = { bookingId: id('预约') }

export const saveRuleInput = z
  .object({
    stationId: id('家站点'),
    ruleId: id('接待规则').optional(),
    pattern: receptionPatternSchema,
    start: clockTime('开始时间'),
    end: clockTime('结束时间'),
    onDayOff: oneOf(DAY_OFF_POLICIES, '节假日安排'),
    slotMinutes: z.number({ error: '每个时段的分钟数应为数字' }).int('每个时段的分钟数应为整数').min(5, '每个时段至少5分钟').max(120, '每个时段不能超过120分钟'),
    slotCapacity: z.number({ error: '每个时段的人数应为数字' }).int('每个时段的人数应为整数').min(1, '每个时段至少接待1人').max(50, '每个时段不能超过50人'),
    cancelCutoffMinutes: z
      .number({ error: '取消截止时间应为数字' })
      .int()
      .min(0, '取消截止时间不能为负数')
      .max(72 * 60, '取消截止时间不能超过72小时')
      .default(120),
    defaultDutyDeputyIds: z.array(id('值班代表'), { error: '值班代表格式不正确' }).max(10, '值班代表不能超过10位').default([]),
    active: flag('是否启用').default(true),
  })
  .refine((rule) => rule.start < rule.end, { message: '结束时间应晚于开始时间', path: ['end'] })
  .refine((rule) => rule.start >= '06:00' && rule.end <= '22:00', { message: '接待时间应在6:00到22:00之间', path: ['start'] })

export const matterInput = z.object({
  category: oneOf(CATEGORIES, '问题类别'),
  content: text('反映内容', { min: 5, max: 1000 }),
  place: optionalText('地点', 100),
})

export const receptionActions = {
  'reception.upcoming': defineAction({
    summary: '家站点近期的接待日及各时段余位（预约页）',
    roles: ['resident', 'deputy', 'staff', 'admin'],
    input: z.object({ stationCode }),
    output: z.object({ stationName: z.string(), rules: z.array(z.string()), occurrences: z.array(occurrenceDetailSchema) }),
    mutates: false,
  }),
  'reception.book': defineAction({
    summary: '群众预约接待日的一个时段（约满时可加入候补）；每次接待日每人限一个预约',
    roles: ['resident'],
    input: z.object({
      ...occurrenceRef,
      slot: z.string({ error: '请选择时段' }).regex(/^s\d{1,3}$/, '请选择时段'),
      topic: optionalText('想反映的事项', 100),
      name: optionalText('称呼', 20),
      waitlist: flag('是否候补').default(false),
    }),
    output: bookingViewSchema,
    mutates: true,
  }),
  'reception.cancelBooking': defineAction({
    summary: '群众取消自己的预约或候补（接待开始前的截止时间之前）',
    roles: ['resident'],
    input: z.object(bookingRef),
    output: bookingViewSchema,
    mutates: true,
  }),
  'reception.myBookings': defineAction({
    summary: '我的预约：即将到来的和过去的',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ upcoming: z.array(bookingViewSchema), past: z.array(bookingViewSchema) }),
    mutates: false,
  }),
  'reception.checkInByScan': defineAction({
    summary: '接待日当天扫民意码：有预约的群众自动签到',
    roles: ['resident'],
    input: z.object({ stationCode }),
    output: z.object({
      result: z.enum(['checked_in', 'already', 'none', 'too_early', 'ended']),
      message: z.string(),
      booking: bookingViewSchema.nullable(),
    }),
    mutates: true,
  }),
  'reception.myDuties': defineAction({
    summary: '代表：我的值班安排（即将到来的接待日）',
    roles: ['deputy'],
    input: z.object({}),
    output: z.object({ duties: z.array(dutyViewSchema) }),
    mutates: false,
  }),
  'reception.occurrences': defineAction({
    summary: '本家站点的接待日（近期和已过去的），含预约人数',
    roles: CASE_WORKERS,
    input: z.object({ stationId: id('家站点'), past: flag('是否查看过去的接待日').default(false) }),
    output: z.object({ occurrences: z.array(dutyViewSchema) }),
    mutates: false,
  }),
  'reception.visitors': defineAction({
    summary: '某次接待日的详情与来访群众（按时段，含签到、现场登记、纪要）',
    roles: CASE_WORKERS,
    input: z.object(occurrenceRef),
    output: z.object({ occurrence: occurrenceManageSchema, visitors: z.array(visitorSchema), stationDeputies: z.array(z.object({ id: z.string(), name: z.string() })) }),
    mutates: false,
  }),
  'reception.rules': defineAction({
    summary: '本家站点的接待日规则',
    roles: CASE_WORKERS,
    input: z.object({ stationId: id('家站点') }),
    output: z.object({ rules: z.array(receptionRuleSchema) }),
    mutates: false,
  }),
  'reception.saveRule': defineAction({
    summary: '新建或修改接待日规则；未来三个月的接待日随之生成（已有预约的保持不变）',
    roles: STAFF_ROLES,
    input: saveRuleInput,
    output: z.object({
      rule: receptionRuleSchema,
      created: z.number(),
      updated: z.number(),
      retired: z.number(),
      /** Occurrences that have bookings and were kept as they were: staff move or cancel them explicitly. */
      keptWithBookings: z.array(occurrenceCardSchema),
    }),
    mutates: true,
  }),
  'reception.cancelOccurrence': defineAction({
    summary: '取消一次接待日并说明原因，已预约的群众和值班代表会收到通知',
    roles: STAFF_ROLES,
    input: z.object({ ...occurrenceRef, reason: text('取消原因', { min: 2, max: 100 }) }),
    output: occurrenceManageSchema,
    mutates: true,
  }),
  'reception.moveOccurrence': defineAction({
    summary: '调整一次接待日的日期或开始时间并说明原因（至少提前3天公告），已预约的群众保留原时段顺序并收到通知',
    roles: STAFF_ROLES,
    input: z.object({
      ...occurrenceRef,
      date: calendarDate('新的日期'),
      start: clockTime('新的开始时间').optional(),
      reason: text('调整原因', { min: 2, max: 100 }),
    }),
    output: occurrenceManageSchema,
    mutates: true,
  }),
  'reception.setDuty': defineAction({
    summary: '安排值班代表（只能从本家站点的代表中选择）',
    roles: STAFF_ROLES,
    input: z.object({ ...occurrenceRef, deputyIds: z.array(id('值班代表'), { error: '请选择值班代表' }).max(10, '值班代表不能超过10位') }),
    output: occurrenceManageSchema,
    mutates: true,
  }),
  'reception.checkIn': defineAction({
    summary: '接待日当天为已预约（或候补）的群众签到',
    roles: CASE_WORKERS,
    input: z.object({ ...occurrenceRef, ...bookingRef }),
    output: z.object({ visitor: visitorSchema }),
    mutates: true,
  }),
  'reception.registerWalkIn': defineAction({
    summary: '登记未预约的来访群众（可无微信、无手机：称呼必填，电话选填并加密保存）',
    roles: STAFF_ROLES,
    input: z.object({
      ...occurrenceRef,
      name: text('来访群众称呼', { min: 1, max: 20 }),
      phone: optionalMobilePhone,
      topic: optionalText('反映事项', 100),
    }),
    output: z.object({ visitor: visitorSchema }),
    mutates: true,
  }),
  'reception.recordVisit': defineAction({
    summary: '记录来访群众反映的事项：每一项生成一条民意（渠道：接待日），进入分办',
    roles: CASE_WORKERS,
    input: z.object({
      ...occurrenceRef,
      ...bookingRef,
      matters: z.array(matterInput, { error: '请填写反映的事项' }).min(1, '请至少填写一项反映的事项').max(5, '一次最多登记5项'),
    }),
    output: z.object({ visitor: visitorSchema, cases: z.array(caseLinkSchema) }),
    mutates: true,
  }),
  'reception.saveMinutes': defineAction({
    summary: '保存接待日纪要（到场、现场登记、未到场人数自动统计）',
    roles: CASE_WORKERS,
    input: z.object({ ...occurrenceRef, summary: text('纪要内容', { min: 5, max: 2000 }) }),
    output: occurrenceManageSchema,
    mutates: true,
  }),
}

export type SaveRuleInput = z.input<typeof saveRuleInput>
