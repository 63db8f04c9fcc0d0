// Triage assistance (分办辅助) and the knowledge base of answers staff maintain.
// Every suggestion carries a `reason` in Chinese so the page can say why it was made.
import { z } from 'zod'
import { CATEGORIES, ROUTES } from '../enums'
import { CASE_STATUSES } from '../caseStateMachine'
import { flag, id, oneOf, optionalText, text } from '../fields'
import { CASE_WORKERS, STAFF_ROLES, defineAction } from './define'

export const KNOWLEDGE_STATUSES = ['active', 'retired'] as const
export const KNOWLEDGE_STATUS_LABELS = { active: '使用中', retired: '已停用' } as const
export const KEYWORDS_MAX = 20

const categorySchema = z.enum(CATEGORIES)

/** Keywords as a list, or as one string separated by commas, 、 or spaces (as typed in a form). */
const keywords = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value.split(/[,，、;；\s]+/)
      : value,
  z
    .array(z.string({ error: '关键词格式不正确' }).trim().max(20, '每个关键词不能超过20个字'), { error: '请填写关键词' })
    .transform((list) => [...new Set(list.filter((k) => k.length > 0))])
    .pipe(
      z
        .array(z.string())
        .min(1, '请至少填写一个关键词')
        .max(KEYWORDS_MAX, `关键词不能超过${KEYWORDS_MAX}个`),
    ),
)

const title = text('标题', { min: 2, max: 60 })
const answer = text('答复内容', { min: 10, max: 2000 })

export const knowledgeEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  keywords: z.array(z.string()),
  answer: z.string(),
  category: categorySchema,
  categoryLabel: z.string(),
  status: z.enum(KNOWLEDGE_STATUSES),
  statusLabel: z.string(),
  updatedAt: z.string(),
  /** Name of whoever last changed it. */
  updatedBy: z.string(),
  /** When searching: why it matched (e.g. "匹配：加装电梯、补贴"); otherwise null. */
  reason: z.string().nullable(),
  /** Why staff retired it (null while active, or when no reason was given). */
  retiredReason: z.string().nullable(),
})
export type KnowledgeEntryView = z.infer<typeof knowledgeEntrySchema>

const scoredReason = { score: z.number(), reason: z.string() }

export const similarCaseSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  excerpt: z.string(),
  category: categorySchema,
  categoryLabel: z.string(),
  status: z.enum(CASE_STATUSES),
  stationName: z.string(),
  createdAt: z.string(),
  /** 0–1: how much of this text's (weighted) words the case shares. */
  ...scoredReason,
})
export type SimilarCaseView = z.infer<typeof similarCaseSchema>

const categoryOption = z.object({ category: categorySchema, label: z.string(), ...scoredReason })

export const triageViewSchema = z.object({
  caseId: z.string(),
  trackingNo: z.string(),
  category: z.object({
    /** What the case is filed under now (chosen by the resident or changed by staff). */
    current: categorySchema,
    currentLabel: z.string(),
    suggested: categorySchema,
    label: z.string(),
    ...scoredReason,
    alternatives: z.array(categoryOption),
  }),
  route: z.object({
    route: z.enum(ROUTES),
    label: z.string(),
    reason: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).optional(),
    knowledge: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  }),
  /** The most similar open or recent cases the caller may see. */
  similar: z.array(similarCaseSchema),
  /** Similar open or recent cases in the whole district, this one included (for the proposal route). */
  spread: z.object({ cases: z.number(), stations: z.array(z.string()), reason: z.string() }),
  intervention: z
    .object({
      flagged: z.literal(true),
      /** litigation, arbitration, bidding, private_dispute (loans, family, neighbours' private debts), personal_favour. */
      kinds: z.array(z.enum(['litigation', 'arbitration', 'bidding', 'private_dispute', 'personal_favour'])),
      reason: z.string(),
      guidance: z.string(),
    })
    .nullable(),
  /** Knowledge-base answers that match the text. */
  knowledge: z.array(z.object({ id: z.string(), title: z.string(), answer: z.string(), ...scoredReason })),
})
export type TriageView = z.infer<typeof triageViewSchema>

export const draftSimilarCaseSchema = z.object({
  id: z.string(),
  excerpt: z.string(),
  category: categorySchema,
  categoryLabel: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  isMine: z.boolean(),
  /** 附议: how many residents raised it (author + seconders), and whether the caller already seconded it. */
  raisedBy: z.number().default(1),
  seconded: z.boolean().default(false),
  ...scoredReason,
})

export const triageActions = {
  'case.triage': defineAction({
    summary: '分办辅助：类别建议、分办路径建议（现场答复/转办/议案建议）、相似民意、不得干预事项提示、知识库答复，均附理由',
    roles: CASE_WORKERS,
    input: z.object({ caseId: id('民意编号') }),
    output: triageViewSchema,
    mutates: false,
  }),
  'case.similarForDraft': defineAction({
    summary: '提交前查看本家站点正在办理的相似民意（可附议）',
    roles: ['resident'],
    input: z.object({
      stationCode: z.string({ error: '缺少家站点' }).trim().min(1, '缺少家站点').max(20, '家站点编码格式不正确'),
      text: text('反映内容', { min: 5, max: 1000 }),
    }),
    output: z.object({ cases: z.array(draftSimilarCaseSchema) }),
    mutates: false,
  }),
  'knowledge.list': defineAction({
    summary: '知识库：本区的政策和办事答复，可按文字搜索、按类别筛选',
    roles: CASE_WORKERS,
    input: z.object({
      query: optionalText('搜索内容', 100),
      category: oneOf(CATEGORIES, '问题类别').optional(),
      includeRetired: flag('是否包含已停用条目').default(false),
    }),
    output: z.object({ entries: z.array(knowledgeEntrySchema), total: z.number() }),
    mutates: false,
  }),
  'knowledge.create': defineAction({
    summary: '新增知识库条目（本区）',
    roles: STAFF_ROLES,
    input: z.object({ title, keywords, answer, category: oneOf(CATEGORIES, '问题类别') }),
    output: knowledgeEntrySchema,
    mutates: true,
  }),
  'knowledge.update': defineAction({
    summary: '修改知识库条目（本区、使用中的条目）',
    roles: STAFF_ROLES,
    input: z
      .object({
        id: id('知识库条目'),
        title: title.optional(),
        keywords: keywords.optional(),
        answer: answer.optional(),
        category: oneOf(CATEGORIES, '问题类别').optional(),
      })
      .refine((v) => v.title !== undefined || v.keywords !== undefined || v.answer !== undefined || v.category !== undefined, {
        message: '请至少修改一项内容',
      }),
    output: knowledgeEntrySchema,
    mutates: true,
  }),
  'knowledge.retire': defineAction({
    summary: '停用知识库条目（保留记录，不再用于答复建议）',
    roles: STAFF_ROLES,
    input: z.object({ id: id('知识库条目'), reason: optionalText('停用原因', 200) }),
    output: knowledgeEntrySchema,
    mutates: true,
  }),
}
