// The knowledge base: answers to questions residents often ask, kept by staff of a district.
// Everyone who works on cases in the district reads it; staff and admins edit it. An entry is
// never deleted: retiring it keeps the record but stops suggesting it.
import { createHash } from 'node:crypto'
import { CATEGORY_LABELS, KNOWLEDGE_STATUS_LABELS, type KnowledgeEntryView, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { KnowledgeDoc } from '../../domain/records'
import { distinctTokens } from '../../domain/triage'
import type { Filter, Store } from '../../ports'
import type { Deps } from '../deps'
import { districtOf } from '../shared/lookups'

export function presentKnowledge(doc: KnowledgeDoc, reason: string | null = null): KnowledgeEntryView {
  return {
    id: doc._id,
    title: doc.title,
    keywords: doc.keywords,
    answer: doc.answer,
    category: doc.category,
    categoryLabel: CATEGORY_LABELS[doc.category],
    status: doc.status,
    statusLabel: KNOWLEDGE_STATUS_LABELS[doc.status],
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedByName,
    reason,
    retiredReason: doc.status === 'retired' ? doc.retiredReason ?? null : null,
  }
}

/** The district whose knowledge base the caller works with. */
export async function callerDistrictId(deps: Deps, caller: Caller): Promise<string> {
  const district = caller.regionId ? await districtOf(deps.store, caller.regionId) : null
  if (!district) throw new DomainError('FORBIDDEN', '您的账号尚未关联到行政区，不能使用知识库')
  return district._id
}

export async function activeKnowledge(store: Store, districtId: string): Promise<KnowledgeDoc[]> {
  return store.collection<KnowledgeDoc>('knowledge').find({ regionId: districtId, status: 'active' }, { limit: 1000 })
}

/** Search score: keywords count most, then words of the title, then words of the answer. */
function searchScore(query: string, tokens: Set<string>, doc: KnowledgeDoc): { score: number; words: string[] } {
  const q = query.normalize('NFKC').toLowerCase()
  const words: string[] = []
  let score = 0
  if (doc.title.toLowerCase().includes(q)) {
    score += 6
    words.push(query)
  }
  for (const keyword of doc.keywords) {
    const k = keyword.toLowerCase()
    if (tokens.has(k) || q.includes(k) || (q.length >= 2 && k.includes(q))) {
      score += 3
      if (!words.includes(keyword)) words.push(keyword)
    }
  }
  for (const word of distinctTokens(doc.title)) {
    if (tokens.has(word) && !words.some((w) => w.includes(word))) {
      score += 2
      words.push(word)
    }
  }
  for (const word of distinctTokens(doc.answer)) {
    if (tokens.has(word) && !words.some((w) => w.includes(word))) {
      score += 0.5
      words.push(word)
    }
  }
  return { score, words }
}

export async function listKnowledge(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'knowledge.list'>,
): Promise<{ entries: KnowledgeEntryView[]; total: number }> {
  const regionId = await callerDistrictId(deps, caller)
  const filter: Filter = { regionId }
  // Deputies read what is in use; staff may also look at retired entries.
  if (!input.includeRetired || caller.role === 'deputy') filter.status = 'active'
  if (input.category) filter.category = input.category
  const docs = await deps.store.collection<KnowledgeDoc>('knowledge').find(filter, { sort: [['updatedAt', -1]], limit: 1000 })
  if (!input.query) return { entries: docs.map((d) => presentKnowledge(d)), total: docs.length }
  const tokens = new Set(distinctTokens(input.query))
  const hits = docs
    .map((doc) => ({ doc, ...searchScore(input.query as string, tokens, doc) }))
    .filter((h) => h.score >= 1)
    .sort((a, b) => b.score - a.score || (a.doc.updatedAt < b.doc.updatedAt ? 1 : -1))
  return { entries: hits.map((h) => presentKnowledge(h.doc, `匹配：${h.words.slice(0, 4).join('、')}`)), total: hits.length }
}

/** One entry per request: a retry (even one the router no longer remembers) finds the first. */
export function knowledgeIdFor(userId: string, requestId: string): string {
  return `kb_${createHash('sha256').update(`${userId}:${requestId}`).digest('hex').slice(0, 24)}`
}

export async function createKnowledge(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'knowledge.create'>,
  requestId: string,
): Promise<KnowledgeEntryView> {
  const regionId = await callerDistrictId(deps, caller)
  const at = deps.clock.now().toISOString()
  const doc: KnowledgeDoc = {
    _id: knowledgeIdFor(caller.userId, requestId),
    regionId,
    title: input.title,
    keywords: input.keywords,
    answer: input.answer,
    category: input.category,
    status: 'active',
    createdAt: at,
    createdBy: caller.userId,
    updatedAt: at,
    updatedBy: caller.userId,
    updatedByName: caller.name,
    retiredReason: null,
  }
  const entries = deps.store.collection<KnowledgeDoc>('knowledge')
  if (!(await entries.insert(doc))) {
    const first = await entries.get(doc._id)
    if (first) return presentKnowledge(first)
  }
  return presentKnowledge(doc)
}

async function loadOwn(deps: Deps, caller: Caller, id: string): Promise<KnowledgeDoc> {
  const regionId = await callerDistrictId(deps, caller)
  const doc = await deps.store.collection<KnowledgeDoc>('knowledge').get(id)
  // Another district's entry is reported as missing, so ids cannot be probed.
  if (!doc || doc.regionId !== regionId) throw new DomainError('NOT_FOUND', '没有找到这条知识库条目')
  return doc
}

async function changeActive(deps: Deps, caller: Caller, id: string, set: Partial<KnowledgeDoc>): Promise<KnowledgeEntryView> {
  const current = await loadOwn(deps, caller, id)
  if (current.status !== 'active') throw new DomainError('INVALID_STATE', '该条目已停用，不能再修改')
  const stamp = { updatedAt: deps.clock.now().toISOString(), updatedBy: caller.userId, updatedByName: caller.name }
  const collection = deps.store.collection<KnowledgeDoc>('knowledge')
  // Conditional on still being active: a concurrent retire wins and this change is refused.
  const changed = await collection.update({ _id: id, regionId: current.regionId, status: 'active' }, { set: { ...set, ...stamp } })
  if (!changed) throw new DomainError('CONFLICT', '该条目刚刚已被他人停用，请刷新后查看')
  const doc = await collection.get(id)
  if (!doc) throw new Error('knowledge entry vanished after update')
  return presentKnowledge(doc)
}

export async function updateKnowledge(deps: Deps, caller: Caller, input: ParsedInput<'knowledge.update'>): Promise<KnowledgeEntryView> {
  const set: Partial<KnowledgeDoc> = {}
  if (input.title !== undefined) set.title = input.title
  if (input.keywords !== undefined) set.keywords = input.keywords
  if (input.answer !== undefined) set.answer = input.answer
  if (input.category !== undefined) set.category = input.category
  return changeActive(deps, caller, input.id, set)
}

export async function retireKnowledge(deps: Deps, caller: Caller, input: ParsedInput<'knowledge.retire'>): Promise<KnowledgeEntryView> {
  return changeActive(deps, caller, input.id, { status: 'retired', retiredReason: input.reason ?? null })
}
