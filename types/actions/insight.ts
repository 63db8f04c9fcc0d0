import { z } from 'zod'
import {
  ACTIVITY_KINDS,
  EXPORT_TABLES,
  dashboardSchema,
  hotspotSchema,
  performanceRecordSchema,
  publicRecordSchema,
} from '../insight'
import { calendarDate, id, oneOf, optionalText, text } from '../fields'
import { ANY_ROLE, CASE_WORKERS, STAFF_ROLES, defineAction } from './define'

const month = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 年-月`)
const year = z.number({ error: '请选择年度' }).int('年度格式不正确').min(2000, '年度格式不正确').max(2100, '年度格式不正确')
const termId = z.string({ error: '请选择届次' }).min(1, '请选择届次').max(40, '届次格式不正确').regex(/^[0-9A-Za-z_-]+$/, '届次格式不正确')
const period = {
  from: month('开始月份').optional(),
  to: month('结束月份').optional(),
  stationId: id('家站点编号').optional(),
}
const file = z.object({ fileName: z.string(), contentBase64: z.string() })

export const insightActions = {
  'insight.dashboard': defineAction({
    summary: '统计分析：本家站点（工作人员）或本级及以下（人大机关）的受理量、办结率、按时办结率、满意率、排名与超期督办清单',
    roles: STAFF_ROLES,
    input: z.object(period),
    output: dashboardSchema,
    mutates: false,
  }),
  'insight.hotspots': defineAction({
    summary: '热点难点：近90天跨家站点反复出现的主题（件数、地点、家站点、相关民意、建议草稿）',
    roles: CASE_WORKERS,
    input: z.object({ stationId: id('家站点编号').optional(), days: z.number().int().min(7, '天数至少为7').max(365, '天数不能超过365').optional() }),
    output: z.object({ days: z.number(), since: z.string(), hotspots: z.array(hotspotSchema) }),
    mutates: false,
  }),
  'insight.export': defineAction({
    summary: '导出Excel：统计表、超期/督办清单、热点或期间内全部民意（电话脱敏，记入操作日志）',
    roles: STAFF_ROLES,
    input: z.object({ table: oneOf(EXPORT_TABLES, '导出内容'), ...period, hotspotId: z.string().max(80).optional() }),
    output: file.extend({ rows: z.number() }),
    mutates: true,
  }),
  'record.deputies': defineAction({
    summary: '可查看履职档案的代表：代表本人；工作人员为本家站点的代表；人大机关为全区代表',
    roles: CASE_WORKERS,
    input: z.object({}),
    output: z.object({ deputies: z.array(z.object({ id: z.string(), name: z.string(), stations: z.array(z.string()) })) }),
    mutates: false,
  }),
  'record.get': defineAction({
    summary: '履职档案：一位代表一届任期（默认本届）或其中一个年度的履职情况（由民意、接待日、议案建议自动生成，加手工登记的活动）与积分',
    roles: CASE_WORKERS,
    input: z.object({ deputyId: id('代表编号').optional(), termId: termId.optional(), year: year.optional() }),
    output: performanceRecordSchema,
    mutates: false,
  }),
  'record.public': defineAction({
    summary: '代表页公开的履职数字（仅计数）',
    roles: ANY_ROLE,
    input: z.object({ code: z.string({ error: '缺少代表码' }).min(1, '缺少代表码').max(32, '代表码格式不正确').regex(/^[0-9A-Za-z_-]+$/, '代表码格式不正确') }),
    output: publicRecordSchema,
    mutates: false,
  }),
  'record.report': defineAction({
    summary: '生成代表年度述职报告（PDF，注明所在届次，含选民评议栏）；默认本届任期内的本年度',
    roles: CASE_WORKERS,
    input: z.object({ deputyId: id('代表编号').optional(), termId: termId.optional(), year: year.optional() }),
    output: file.extend({ pages: z.number().nullable() }),
    mutates: false,
  }),
  'record.addActivity': defineAction({
    summary: '工作人员为代表登记履职活动（视察、调研、培训、述职、代表行动、会议出席），附日期与佐证',
    roles: STAFF_ROLES,
    input: z.object({
      deputyId: id('代表编号'),
      kind: oneOf(ACTIVITY_KINDS, '活动类别'),
      date: calendarDate('活动日期'),
      title: text('活动内容', { min: 2, max: 100 }),
      evidence: optionalText('佐证材料', 300),
    }),
    output: performanceRecordSchema,
    mutates: true,
  }),
  'record.recordAssessment': defineAction({
    summary: '人大机关记录代表年度述职评议结果',
    roles: STAFF_ROLES,
    input: z.object({ deputyId: id('代表编号'), year, result: oneOf(['满意', '基本满意', '不满意'] as const, '评议结果'), note: optionalText('评议意见', 500) }),
    output: performanceRecordSchema,
    mutates: true,
  }),
}
