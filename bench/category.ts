// Category suggestion accuracy on the hand-written labelled set (tests/fixtures/opinions.labelled.json).
// The set is split once, deterministically and per category, into a tuning half and an evaluation
// half; the keyword dictionary is only ever adjusted by looking at the tuning half's mistakes
// (`--dev-errors`). The figures quoted (category_top1, category_top3) are the evaluation half's.
import { createHash } from 'node:crypto'
import path from 'node:path'
import fs from 'node:fs'
import { CATEGORIES, type Category } from '@minyi/types'
import { suggestCategory, topCategories } from '../cloudfunctions/core/domain/triage/classifier'
import { warmUpTokenizer } from '../cloudfunctions/core/domain/triage/tokenizer'

export interface Labelled {
  text: string
  category: Category
}

export function loadLabelled(): Labelled[] {
  const file = path.join(__dirname, '..', 'tests', 'fixtures', 'opinions.labelled.json')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Labelled[]
}

/** Per category, items ordered by a hash of their text, alternately to tuning and evaluation. */
export function split(items: Labelled[]): { dev: Labelled[]; evaluation: Labelled[] } {
  const dev: Labelled[] = []
  const evaluation: Labelled[] = []
  const hash = (t: string) => createHash('sha1').update(t).digest('hex')
  for (const category of CATEGORIES) {
    const ofCategory = items.filter((i) => i.category === category).sort((a, b) => (hash(a.text) < hash(b.text) ? -1 : 1))
    ofCategory.forEach((item, i) => (i % 2 === 0 ? dev : evaluation).push(item))
  }
  return { dev, evaluation }
}

function measure(items: Labelled[]) {
  let top1 = 0
  let top3 = 0
  const confusion = new Map<string, number>()
  const errors: Array<{ text: string; expected: Category; got: Category; reason: string }> = []
  for (const item of items) {
    const suggestion = suggestCategory(item.text)
    if (suggestion.suggested === item.category) top1 += 1
    else {
      const key = `${item.category}->${suggestion.suggested}`
      confusion.set(key, (confusion.get(key) ?? 0) + 1)
      errors.push({ text: item.text, expected: item.category, got: suggestion.suggested, reason: suggestion.reason })
    }
    if (topCategories(item.text, 3).includes(item.category)) top3 += 1
  }
  return { top1: top1 / items.length, top3: top3 / items.length, confusion, errors }
}

const fixed = (x: number) => x.toFixed(3)

export async function run(): Promise<Record<string, number | string>> {
  warmUpTokenizer()
  const all = loadLabelled()
  const { dev, evaluation } = split(all)
  const started = process.hrtime.bigint()
  const held = measure(evaluation)
  const perItemMs = Number(process.hrtime.bigint() - started) / 1e6 / evaluation.length
  const tuning = measure(dev)
  const everything = measure(all)
  const result: Record<string, number | string> = {
    category_top1: fixed(held.top1),
    category_top3: fixed(held.top3),
    category_items: evaluation.length,
    category_items_labelled: all.length,
    category_dev_top1: fixed(tuning.top1),
    category_all_top1: fixed(everything.top1),
    category_ms_per_item: perItemMs.toFixed(3),
  }
  // Confusion on the evaluation half: rows are the true category, columns the suggestion.
  for (const [pair, count] of [...held.confusion.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    result[`category_confusion.${pair}`] = count
  }
  if (process.argv.includes('--dev-errors')) {
    for (const e of tuning.errors) console.error(`[dev] ${e.expected} → ${e.got} (${e.reason}): ${e.text}`)
  }
  return result
}

if (require.main === module) {
  run().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}=${v}`)
  })
}
