// 民生实事代表票决: the yearly round of livelihood projects — residents propose and support, the office
// shortlists candidate projects, the deputies of the level choose N of them by secret ballot, the
// chosen projects are carried out under the deputies' supervision and assessed at the end.
import { z } from 'zod'
import { RATINGS } from '../enums'
import { calendarDate, id, oneOf, optionalText, text } from '../fields'
import { LIVELIHOOD_LEVELS, MAJORITY_RULES, ROUND_COMMANDS, ROUND_STATUSES } from '../livelihoodStateMachine'
import {
  ballotStatusSchema,
  livelihoodReportSchema,
  projectViewSchema,
  proposalViewSchema,
  resultsViewSchema,
  roundViewSchema,
} from '../livelihoodViews'
import { ANY_ROLE, STAFF_ROLES, defineAction } from './define'
import { photoRefs } from './caseExtras'

export const LIVELIHOOD_TITLE_MAX = 40
export const LIVELIHOOD_TEXT_MAX = 2000
export const LIVELIHOOD_MAX_CASES = 50
export const LIVELIHOOD_MAX_SEATS = 30

/** A receipt code: 16 letters/digits (Crockford base32), chosen at random on the deputy's device; dashes and case ignored. */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/
export const receiptCode = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : value),
  z.string({ error: '缺少回执码' }).regex(RECEIPT_PATTERN, '回执码格式不正确，应为16位字母和数字'),
)

const roundRef = { roundId: id('票决轮次') }
const projectRef = { projectId: id('项目编号') }
const isoInstant = (label: string) =>
  z.string({ error: `请填写${label}` }).refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), `${label}格式不正确`)
const idList = (label: string, max: number) =>
  z
    .array(id(label), { error: `${label}格式不正确` })
    .max(max, `${label}最多${max}个`)
    .refine((list) => new Set(list).size === list.length, `${label}不能重复`)

export const livelihoodActions = {
  'livelihood.round.create': defineAction({
    summary: '人大机关开启一轮民生实事项目征集（项目实施年度、区级或街道级、征集起止日期；缺省为本人所在的人大机关）',
    roles: STAFF_ROLES,
    input: z
      .object({
        year: z.number({ error: '请填写项目实施年度' }).int('年度格式不正确').min(2020, '年度格式不正确').max(2100, '年度格式不正确'),
        level: oneOf(LIVELIHOOD_LEVELS, '层级'),
        /** Omitted: the caller's own office (the district for the admin and 区人大常委会 staff, the street for 街道人大工委 staff). */
        regionId: id('区或街道').optional(),
        title: text('标题', { min: 4, max: LIVELIHOOD_TITLE_MAX }),
        description: optionalText('说明', LIVELIHOOD_TEXT_MAX),
        collectFrom: calendarDate('征集开始日期'),
        collectUntil: calendarDate('征集截止日期'),
      })
      .refine((v) => v.collectFrom <= v.collectUntil, { message: '征集截止日期不能早于开始日期', path: ['collectUntil'] }),
    output: roundViewSchema,
    mutates: true,
  }),
  'livelihood.round.list': defineAction({
    summary: '民生实事票决轮次列表（本区及所属街道的）',
    roles: ANY_ROLE,
    input: z.object({ status: z.enum(ROUND_STATUSES, { error: '请选择正确的状态' }).optional() }),
    output: z.object({ rounds: z.array(roundViewSchema) }),
    mutates: false,
  }),
  'livelihood.round.get': defineAction({
    summary: '一轮民生实事票决的详情：状态、日期、票决设置、时间线',
    roles: ANY_ROLE,
    input: z.object(roundRef),
    output: roundViewSchema,
    mutates: false,
  }),
  'livelihood.round.move': defineAction({
    summary: '推进轮次状态（征集→遴选→票决→实施→测评→办结），每一步由状态机规定来源状态和可操作身份',
    roles: STAFF_ROLES,
    input: z.object({ ...roundRef, command: oneOf(ROUND_COMMANDS, '操作'), note: optionalText('说明', 500) }),
    output: roundViewSchema,
    mutates: true,
  }),
  'livelihood.proposal.submit': defineAction({
    summary: '群众提出民生实事项目建议（标题、内容、地点、受益人群），经内容安全检查和工作人员审核后公开',
    roles: ['resident'],
    input: z.object({
      ...roundRef,
      title: text('项目名称', { min: 4, max: LIVELIHOOD_TITLE_MAX }),
      description: text('项目内容', { min: 10, max: LIVELIHOOD_TEXT_MAX }),
      place: text('地点', { min: 2, max: 100 }),
      beneficiaries: text('受益人群', { min: 2, max: 100 }),
      stationCode: z.string({ error: '家站点编码格式不正确' }).trim().max(20, '家站点编码格式不正确').optional(),
    }),
    output: proposalViewSchema,
    mutates: true,
  }),
  'livelihood.proposal.moderate': defineAction({
    summary: '工作人员审核群众的项目建议：公开或不予采纳（说明理由）',
    roles: STAFF_ROLES,
    input: z.object({ proposalId: id('建议编号'), decision: oneOf(['approve', 'reject'] as const, '审核结果'), note: optionalText('审核意见', 300) }),
    output: proposalViewSchema,
    mutates: true,
  }),
  'livelihood.proposal.support': defineAction({
    summary: '群众附议一条已公开的项目建议（每人一次，重复附议只算一次）',
    roles: ['resident'],
    input: z.object({ proposalId: id('建议编号') }),
    output: proposalViewSchema,
    mutates: true,
  }),
  'livelihood.proposal.fromCases': defineAction({
    summary: '工作人员一键把民意（或热点归纳的民意）转为本轮的项目建议：{ roundId, title, description, caseIds }，直接公开',
    roles: STAFF_ROLES,
    input: z.object({
      ...roundRef,
      title: text('项目名称', { min: 4, max: LIVELIHOOD_TITLE_MAX }),
      description: text('项目内容', { min: 10, max: LIVELIHOOD_TEXT_MAX }),
      caseIds: z
        .array(id('民意编号'), { error: '民意格式不正确' })
        .min(1, '请至少选择一条民意')
        .max(LIVELIHOOD_MAX_CASES, `最多选择${LIVELIHOOD_MAX_CASES}条民意`)
        .refine((list) => new Set(list).size === list.length, '民意不能重复'),
    }),
    output: proposalViewSchema,
    mutates: true,
  }),
  'livelihood.proposal.list': defineAction({
    summary: '本轮的项目建议：群众看已公开的和自己提的，工作人员看全部（含待审核）',
    roles: ANY_ROLE,
    input: z.object(roundRef),
    output: z.object({ proposals: z.array(proposalViewSchema) }),
    mutates: false,
  }),
  'livelihood.candidate.save': defineAction({
    summary: '遴选：新建或修改候选项目（合并多条建议，填写预算估算、责任单位、实施期限）',
    roles: STAFF_ROLES,
    input: z.object({
      ...roundRef,
      candidateId: id('候选项目').optional(),
      title: text('项目名称', { min: 4, max: LIVELIHOOD_TITLE_MAX }),
      description: text('项目内容', { min: 10, max: LIVELIHOOD_TEXT_MAX }),
      budgetWan: z.number({ error: '请填写预算估算（万元）' }).min(0, '预算不能为负数').max(1_000_000, '预算估算过大，请核对'),
      unitName: text('责任单位', { min: 2, max: 60 }),
      timeFrame: text('实施期限', { min: 2, max: 60 }),
      proposalIds: idList('项目建议', 100).default([]),
      caseIds: idList('民意', LIVELIHOOD_MAX_CASES).default([]),
    }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.candidate.remove': defineAction({
    summary: '遴选：删除一个候选项目（其建议回到待合并）',
    roles: STAFF_ROLES,
    input: z.object({ ...roundRef, candidateId: id('候选项目') }),
    output: z.object({ removed: z.boolean() }),
    mutates: true,
  }),
  'livelihood.candidate.list': defineAction({
    summary: '本轮的候选项目（票决开始前只有人大机关可见，之后公开）；结果公布后含票数',
    roles: ANY_ROLE,
    input: z.object(roundRef),
    output: z.object({ candidates: z.array(projectViewSchema) }),
    mutates: false,
  }),
  'livelihood.vote.configure': defineAction({
    summary: '设置票决：从M个候选中选N个、开始和截止时间、过半数规则（应投票代表为本级代表，开始票决时固定名单）',
    roles: STAFF_ROLES,
    input: z
      .object({
        ...roundRef,
        seats: z.number({ error: '请填写当选项目数' }).int('当选项目数应为整数').min(1, '当选项目数至少为1').max(LIVELIHOOD_MAX_SEATS, `当选项目数不能超过${LIVELIHOOD_MAX_SEATS}`),
        opensAt: isoInstant('票决开始时间'),
        closesAt: isoInstant('票决截止时间'),
        majority: oneOf(MAJORITY_RULES, '过半数规则').default('over_half_electorate'),
      })
      .refine((v) => Date.parse(v.opensAt) < Date.parse(v.closesAt), { message: '票决截止时间应晚于开始时间', path: ['closesAt'] }),
    output: roundViewSchema,
    mutates: true,
  }),
  'livelihood.ballot.status': defineAction({
    summary: '代表的票决页：是否在应投票代表名单中、是否已投票、候选项目、可选数量和时间',
    roles: ['deputy'],
    input: z.object(roundRef),
    output: ballotStatusSchema,
    mutates: false,
  }),
  'livelihood.ballot.cast': defineAction({
    summary: '代表无记名投票：选择不超过N个候选项目。回执码由代表的设备随机生成，服务端只保存其哈希；不保存代表与选择的对应关系',
    roles: ['deputy'],
    input: z.object({
      ...roundRef,
      choices: idList('选择的项目', LIVELIHOOD_MAX_SEATS).refine((list) => list.length >= 1, '请至少选择一个项目'),
      receipt: receiptCode,
    }),
    output: z.object({ roundId: z.string(), counted: z.boolean() }),
    mutates: true,
  }),
  'livelihood.ballot.verify': defineAction({
    summary: '凭回执码核验本人选票已计入及其内容（没有回执码任何人都无法查看选票）',
    roles: ['deputy'],
    input: z.object({ ...roundRef, receipt: receiptCode }),
    output: z.object({ found: z.boolean(), choices: z.array(z.object({ id: z.string(), title: z.string() })) }),
    mutates: false,
  }),
  'livelihood.results.get': defineAction({
    summary: '票决结果：每个候选项目的得票、过半数线、当选项目；边界同票如实报告',
    roles: ANY_ROLE,
    input: z.object(roundRef),
    output: resultsViewSchema,
    mutates: false,
  }),
  'livelihood.results.resolveTie': defineAction({
    summary: '登记边界同票的处理结果（如主任会议决定或重新表决），由人大机关选定剩余名额的项目并说明依据',
    roles: STAFF_ROLES,
    input: z.object({ ...roundRef, candidateIds: idList('项目', LIVELIHOOD_MAX_SEATS), note: text('处理依据', { min: 4, max: 300 }) }),
    output: resultsViewSchema,
    mutates: true,
  }),
  'livelihood.project.get': defineAction({
    summary: '当选项目的实施情况：节点、进展、代表视察、满意度',
    roles: ANY_ROLE,
    input: z.object(projectRef),
    output: projectViewSchema,
    mutates: false,
  }),
  'livelihood.project.listMine': defineAction({
    summary: '代表本人负责监督的项目',
    roles: ['deputy'],
    input: z.object({}),
    output: z.object({ projects: z.array(projectViewSchema) }),
    mutates: false,
  }),
  'livelihood.milestone.add': defineAction({
    summary: '为当选项目添加实施节点（名称、计划完成日期）；逾期未完成的由定时任务标记',
    roles: STAFF_ROLES,
    input: z.object({ ...projectRef, title: text('节点名称', { min: 2, max: 40 }), dueDate: calendarDate('计划完成日期') }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.progress.report': defineAction({
    summary: '登记责任单位的进展（可标记某节点完成）；提出和附议该项目的群众都收到消息',
    roles: STAFF_ROLES,
    input: z.object({ ...projectRef, milestoneId: id('节点').optional(), done: z.boolean({ error: '节点是否完成应为是或否' }).default(false), note: text('进展情况', { min: 4, max: 1000 }) }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.supervisor.assign': defineAction({
    summary: '指定监督代表（本轮应投票代表中的）',
    roles: STAFF_ROLES,
    input: z.object({ ...projectRef, deputyIds: idList('代表', 20).refine((l) => l.length >= 1, '请至少选择一位代表') }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.inspection.record': defineAction({
    summary: '监督代表登记视察情况（可附照片）',
    roles: ['deputy'],
    input: z.object({ ...projectRef, note: text('视察情况', { min: 4, max: 1000 }), photos: photoRefs.default([]) }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.project.rate': defineAction({
    summary: '满意度测评：应投票代表和提出、附议该项目的群众评价（满意/基本满意/不满意），可改评',
    roles: ['resident', 'deputy'],
    input: z.object({ ...projectRef, rating: oneOf(RATINGS, '满意度') }),
    output: projectViewSchema,
    mutates: true,
  }),
  'livelihood.report.get': defineAction({
    summary: '本轮总结：各项目完成情况和满意度',
    roles: STAFF_ROLES,
    input: z.object(roundRef),
    output: livelihoodReportSchema,
    mutates: false,
  }),
  'livelihood.report.export': defineAction({
    summary: '导出本轮总结（Excel 或 PDF），记入操作日志',
    roles: STAFF_ROLES,
    input: z.object({ ...roundRef, format: oneOf(['xlsx', 'pdf'] as const, '导出格式') }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    mutates: true,
  }),
}
