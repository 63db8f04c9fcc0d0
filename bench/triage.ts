// Triage on the labelled corpus (bench/data): the trained category and route models and the
// intervention warning, on the HELD-OUT part (never trained or tuned on), on the "unseen" set
// written after training in new wording, and on the older labelled set (category only).
//   category_top1 / category_top3      held-out, 12 categories
//   route_accuracy / route_recall_min  held-out, onsite / transfer / proposal / decline (decline = the warning)
//   decline_recall / decline_false_flags   the warning: share of decline items flagged / of the others flagged
//   category_confusion.a->b, route_confusion.a->b   held-out mistakes (true -> suggested)
//   unseen_*, legacy_category_top1, *_train (fit on the train part), category_keyword_top1 (the old dictionary)
import { CATEGORIES, type Category } from '@minyi/types'
import { loadUnseen, splitCorpus, TRIAGE_ROUTES, type Opinion, type TriageRoute } from './data/corpus'
import { loadLabelled, split as splitLegacy } from './category'
import {
  checkIntervention,
  extractFeatures,
  suggestCategory,
  suggestCategoryByKeywords,
  suggestRoute,
  topCategories,
  warmUpTokenizer,
} from '../cloudfunctions/core/domain/triage'

/** One unit for every category, so the bench measures the text, not a district's unit list. */
const ALL_UNITS = [{ _id: 'unit-all', name: '承办单位', categories: [...CATEGORIES] }]

export function triageOf(text: string): { category: Category; top3: Category[]; route: TriageRoute; flagged: boolean } {
  const features = extractFeatures(text)
  const suggestion = suggestCategory(text, features)
  const intervention = checkIntervention(text, features)
  const route = suggestRoute({
    text,
    category: suggestion.suggested,
    knowledge: [],
    units: ALL_UNITS,
    spread: { cases: 1, stations: ['本站'] },
    intervention,
    features,
  }).route
  return { category: suggestion.suggested, top3: topCategories(text, 3, suggestion), route: intervention ? 'decline' : route, flagged: !!intervention }
}

const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a')

export function measure(items: Opinion[], prefix: string, withConfusion: boolean): Record<string, string | number> {
  let top1 = 0
  let top3 = 0
  let routeRight = 0
  const perRoute = new Map<TriageRoute, { n: number; right: number }>()
  let flaggedDecline = 0
  let flaggedOther = 0
  const categoryConfusion = new Map<string, number>()
  const routeConfusion = new Map<string, number>()
  for (const item of items) {
    const t = triageOf(item.text)
    if (t.category === item.category) top1 += 1
    else categoryConfusion.set(`${item.category}->${t.category}`, (categoryConfusion.get(`${item.category}->${t.category}`) ?? 0) + 1)
    if (t.top3.includes(item.category)) top3 += 1
    const r = perRoute.get(item.route) ?? { n: 0, right: 0 }
    r.n += 1
    if (t.route === item.route) {
      routeRight += 1
      r.right += 1
    } else routeConfusion.set(`${item.route}->${t.route}`, (routeConfusion.get(`${item.route}->${t.route}`) ?? 0) + 1)
    perRoute.set(item.route, r)
    if (item.route === 'decline' && t.flagged) flaggedDecline += 1
    if (item.route !== 'decline' && t.flagged) flaggedOther += 1
  }
  const declines = items.filter((i) => i.route === 'decline').length
  const recalls = TRIAGE_ROUTES.map((route) => perRoute.get(route)).filter((r): r is { n: number; right: number } => !!r?.n)
  const out: Record<string, string | number> = {
    [prefix ? `${prefix}items` : 'triage_items']: items.length,
    [`${prefix}category_top1`]: fixed(top1 / items.length),
    [`${prefix}category_top3`]: fixed(top3 / items.length),
    [`${prefix}route_accuracy`]: fixed(routeRight / items.length),
    [`${prefix}route_recall_min`]: fixed(Math.min(...recalls.map((r) => r.right / r.n))),
  }
  for (const route of TRIAGE_ROUTES) {
    const r = perRoute.get(route)
    if (r?.n) out[`${prefix}route_recall.${route}`] = `${fixed(r.right / r.n)} (${r.right}/${r.n})`
  }
  out[`${prefix}decline_recall`] = fixed(flaggedDecline / declines)
  out[`${prefix}decline_false_flags`] = fixed(flaggedOther / (items.length - declines))
  if (withConfusion) {
    const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    for (const [pair, n] of sorted(categoryConfusion)) out[`${prefix}category_confusion.${pair}`] = n
    for (const [pair, n] of sorted(routeConfusion)) out[`${prefix}route_confusion.${pair}`] = n
  }
  return out
}

export async function run(): Promise<Record<string, number | string>> {
  warmUpTokenizer()
  const { train, heldout } = splitCorpus()
  const unseen = loadUnseen()
  const started = process.hrtime.bigint()
  const held = measure(heldout, '', true)
  const perItemMs = Number(process.hrtime.bigint() - started) / 1e6 / heldout.length
  const legacy = splitLegacy(loadLabelled()).evaluation
  const keywordTop1 = heldout.filter((o) => suggestCategoryByKeywords(o.text).suggested === o.category).length / heldout.length
  const fit = measure(train, 'train_', false)
  return {
    ...held,
    ...(unseen.length ? measure(unseen, 'unseen_', true) : {}),
    legacy_category_items: legacy.length,
    legacy_category_top1: fixed(legacy.filter((i) => suggestCategory(i.text).suggested === i.category).length / legacy.length),
    category_keyword_top1: fixed(keywordTop1),
    train_category_top1: fit.train_category_top1,
    train_route_accuracy: fit.train_route_accuracy,
    triage_ms_per_item: perItemMs.toFixed(3),
  }
}

if (require.main === module) {
  run().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}=${v}`)
  })
}
