// Deputies' suggestions and motions (议案/建议): drafted by a deputy from cases of their own
// stations, submitted to the congress office, assigned to handling units, answered, rated by the
// deputy (one re-handling if unsatisfied). The answer reaches every resident whose case is attached.
import { z } from 'zod'
import { RATINGS } from '../enums'
import { id, oneOf, optionalText, text } from '../fields'
import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from '../suggestionStateMachine'
import { suggestionSummarySchema, suggestionViewSchema } from '../suggestionViews'
import { STAFF_ROLES, defineAction } from './define'

export const SUGGESTION_TITLE_MIN = 5
export const SUGGESTION_TITLE_MAX = 60
export const SUGGESTION_BODY_MIN = 20
export const SUGGESTION_BODY_MAX = 5000
export const SUGGESTION_MAX_CASES = 50
export const SUGGESTION_MAX_UNITS = 5

const ref = { suggestionId: id('建议编号') }
const kind = oneOf(SUGGESTION_KINDS, '类型（议案或建议）')
const draftTitle = optionalText('标题', SUGGESTION_TITLE_MAX)
const draftBody = optionalText('正文', SUGGESTION_BODY_MAX)

export const suggestionActions = {
  'suggestion.create': defineAction({
    summary: '代表新建议案/建议草稿，可同时附上本人家站点的民意作为依据',
    roles: ['deputy'],
    input: z.object({
      kind: kind.default('suggestion'),
      title: draftTitle,
      body: draftBody,
      caseIds: z
        .array(id('民意编号'), { error: '附上的民意格式不正确' })
        .max(SUGGESTION_MAX_CASES, `最多附上${SUGGESTION_MAX_CASES}条民意`)
        .default([]),
    }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.update': defineAction({
    summary: '修改草稿的类型、标题、正文',
    roles: ['deputy'],
    input: z
      .object({ ...ref, kind: kind.optional(), title: draftTitle, body: draftBody })
      .refine((v) => v.kind !== undefined || v.title !== undefined || v.body !== undefined, { message: '请至少修改一项内容' }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.attachCase': defineAction({
    summary: '草稿附上一条本人家站点的民意作为依据',
    roles: ['deputy'],
    input: z.object({ ...ref, caseId: id('民意编号') }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.detachCase': defineAction({
    summary: '草稿移除一条附上的民意',
    roles: ['deputy'],
    input: z.object({ ...ref, caseId: id('民意编号') }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.submit': defineAction({
    summary: '提交人大机关：附上的民意转为「已列为议案建议素材」，群众收到消息；交办期限为5个工作日',
    roles: ['deputy'],
    input: z.object(ref),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.withdraw': defineAction({
    summary: '撤回草稿',
    roles: ['deputy'],
    input: z.object(ref),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.assign': defineAction({
    summary: '登记交办承办单位；答复期限为交办后3个月',
    roles: STAFF_ROLES,
    input: z.object({
      ...ref,
      unitIds: z
        .array(id('承办单位'), { error: '请选择承办单位' })
        .min(1, '请至少选择一个承办单位')
        .max(SUGGESTION_MAX_UNITS, `承办单位不能超过${SUGGESTION_MAX_UNITS}个`)
        .refine((list) => new Set(list).size === list.length, '承办单位不能重复'),
      note: optionalText('交办说明', 500),
    }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.recordAnswer': defineAction({
    summary: '登记承办单位的答复：每位附上民意的群众收到办理结果，其民意转为「已答复」',
    roles: STAFF_ROLES,
    input: z.object({
      ...ref,
      answer: text('答复内容', { min: 10, max: 3000 }),
      unitId: id('答复的承办单位').optional(),
    }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.rate': defineAction({
    summary: '代表对答复的满意度（代表本人或工作人员代为登记）：不满意的重新办理一次',
    roles: ['deputy', 'staff', 'admin'],
    input: z.object({ ...ref, rating: oneOf(RATINGS, '满意度'), comment: optionalText('意见', 500) }),
    output: suggestionViewSchema,
    mutates: true,
  }),
  'suggestion.get': defineAction({
    summary: '议案/建议详情：正文、附上的民意、交办、答复、满意度、期限和时间线',
    roles: ['deputy', 'staff', 'admin'],
    input: z.object(ref),
    output: suggestionViewSchema,
    mutates: false,
  }),
  'suggestion.list': defineAction({
    summary: '议案/建议列表：代表看本人的，工作人员和人大机关看本辖区已提交的',
    roles: ['deputy', 'staff', 'admin'],
    input: z.object({ status: z.enum(SUGGESTION_STATUSES, { error: '请选择正确的状态' }).optional() }),
    output: z.object({ suggestions: z.array(suggestionSummarySchema), total: z.number() }),
    mutates: false,
  }),
}
