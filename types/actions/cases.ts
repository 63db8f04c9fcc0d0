import { z } from 'zod'
import { CATEGORIES, RATINGS } from '../enums'
import { CASE_STATUSES } from '../caseStateMachine'
import { caseSummarySchema, caseViewSchema } from '../entities'
import { calendarDate, flag, id, oneOf, optionalMobilePhone, optionalText, text } from '../fields'
import { CASE_WORKERS, STAFF_ROLES, defineAction } from './define'
import { photoRefs } from './caseExtras'

export const CONTENT_MIN = 5
export const CONTENT_MAX = 1000

export const submitCaseInput = z.object({
  stationCode: z.string({ error: '缺少家站点' }).trim().min(1, '缺少家站点').max(20, '家站点编码格式不正确'),
  deputyCode: z.string().trim().max(20, '代表编码格式不正确').optional(),
  category: oneOf(CATEGORIES, '问题类别'),
  content: text('反映内容', { min: CONTENT_MIN, max: CONTENT_MAX }),
  place: optionalText('地点', 100),
  phone: optionalMobilePhone,
  phoneVisibleToDeputy: flag('是否允许代表查看电话').default(false),
  privacyConsent: z.literal(true, { error: '请先阅读并同意《个人信息保护说明》' }),
  /** Up to 3 uploaded photos (references from the upload endpoint or `Taro.cloud.uploadFile`). */
  photos: photoRefs.default([]),
})
export type SubmitCaseInput = z.input<typeof submitCaseInput>

const caseRef = { caseId: id('民意编号') }
const note = (label: string, max = 500) => optionalText(label, max)

export const caseActions = {
  'case.submit': defineAction({
    summary: '群众提交民意，返回追踪编号',
    roles: ['resident'],
    input: submitCaseInput,
    output: z.object({ id: z.string(), trackingNo: z.string(), needsReview: z.boolean() }),
    mutates: true,
  }),
  'case.listMine': defineAction({
    summary: '我反映的民意',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ cases: z.array(caseSummarySchema) }),
    mutates: false,
  }),
  'case.get': defineAction({
    summary: '民意详情：内容、时间线、答复、评价（本人或有权限的代表、工作人员）',
    roles: ['resident', 'deputy', 'staff', 'admin'],
    input: z.object(caseRef),
    output: caseViewSchema,
    mutates: false,
  }),
  'case.inbox': defineAction({
    summary: '代表或工作人员的待办：本人家站点的民意，可按状态和类别筛选',
    roles: CASE_WORKERS,
    input: z.object({
      status: z.enum(CASE_STATUSES, { error: '请选择正确的状态' }).optional(),
      category: oneOf(CATEGORIES, '问题类别').optional(),
      stationId: id('家站点').optional(),
      /** Only cases past their time limit (督办). */
      overdue: flag('是否只看超期').optional(),
      /** Only cases held at the caller's own level now (待我办理), not those passed on. */
      held: flag('是否只看待本级办理').optional(),
    }),
    output: z.object({ cases: z.array(caseSummarySchema), total: z.number() }),
    mutates: false,
  }),
  'case.rate': defineAction({
    summary: '群众评价答复：满意、基本满意（办结）或不满意（重新办理）',
    roles: ['resident'],
    input: z.object({ ...caseRef, rating: oneOf(RATINGS, '评价'), comment: note('评价意见', 300) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.accept': defineAction({
    summary: '工作人员受理',
    roles: STAFF_ROLES,
    input: z.object({ ...caseRef, note: note('受理说明') }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.refer': defineAction({
    summary: '代表提请工作人员转办',
    roles: ['deputy'],
    input: z.object({ ...caseRef, note: text('转办说明', { min: 2, max: 500 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.answerOnSite': defineAction({
    summary: '现场答复（代表或工作人员）',
    roles: CASE_WORKERS,
    input: z.object({ ...caseRef, answer: text('答复内容', { min: 5, max: 1000 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.forward': defineAction({
    summary: '分级转报：家站点转报同级人大机关（街道人大工委），人大机关必要时转报上一级（区人大常委会）',
    roles: STAFF_ROLES,
    input: z.object({ ...caseRef, note: text('转报说明', { min: 2, max: 500 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.transfer': defineAction({
    summary: '人大机关转办本级承办单位，办理期限按法定工作日计算（复杂事项期限更长）',
    roles: STAFF_ROLES,
    input: z.object({
      ...caseRef,
      unitId: id('承办单位'),
      workingDays: z
        .number({ error: '办理期限应为数字' })
        .int('办理期限应为整数')
        .min(1, '办理期限至少1个工作日')
        .max(60, '办理期限不能超过60个工作日')
        .optional(),
      dueDate: calendarDate('办理期限').optional(),
      /** 复杂事项: the longer time limit (15 working days by default). */
      complex: flag('是否复杂事项').default(false),
      note: note('转办说明'),
    }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.extendDeadline': defineAction({
    summary: '延长承办单位的办理期限（每次转办限一次，须说明理由）',
    roles: STAFF_ROLES,
    input: z.object({ ...caseRef, reason: text('延期理由', { min: 2, max: 300 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.recordUnitAnswer': defineAction({
    summary: '登记承办单位的答复，并通知群众',
    roles: STAFF_ROLES,
    input: z.object({ ...caseRef, answer: text('承办单位答复', { min: 5, max: 2000 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.markProposal': defineAction({
    summary: '列为议案建议素材（普遍性、典型性问题）',
    roles: STAFF_ROLES,
    input: z.object({ ...caseRef, note: text('说明', { min: 2, max: 500 }) }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.decline': defineAction({
    summary: '不予受理，并告知依法解决的途径',
    roles: STAFF_ROLES,
    input: z.object({
      ...caseRef,
      reason: text('不予受理的理由', { min: 2, max: 300 }),
      guidance: text('引导途径', { min: 2, max: 500 }),
    }),
    output: caseViewSchema,
    mutates: true,
  }),
  'case.revealPhone': defineAction({
    summary: '查看群众完整电话（留痕）：工作人员，或经群众同意的代表',
    roles: CASE_WORKERS,
    input: z.object(caseRef),
    output: z.object({ phone: z.string() }),
    mutates: false,
  }),
}
