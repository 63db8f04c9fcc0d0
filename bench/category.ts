// The older labelled set (tests/fixtures/opinions.labelled.json, 265 opinions, category only), split
// once per category into a tuning half and an evaluation half. The category model is not trained on
// it: bench/triage.ts quotes its evaluation half as legacy_category_top1, a second, independent check.
import { createHash } from 'node:crypto'
import path from 'node:path'
import fs from 'node:fs'
import { CATEGORIES, type Category } from '@minyi/types'

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
