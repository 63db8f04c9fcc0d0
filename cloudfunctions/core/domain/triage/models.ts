// The trained triage models (weights written by `npm run train`, scripts/trainTriage.ts, from the
// labelled corpus in bench/data) and what the suggestions quote from them: the text's words that
// pushed hardest towards the class chosen ("因为提到：…"). Pure: the weights are data in the bundle.
import type { Features } from './features'
import { contributions, type LinearModel } from './linearModel'

// JSON bundled with the function (esbuild and jest both load it); typed by hand, not inferred.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const CATEGORY_MODEL: LinearModel = require('./models/category.json')
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ROUTE_MODEL: LinearModel = require('./models/route.json')

/** Counts and amounts (五千, 千块, 两个月): evidence, but nothing to quote. */
const NUMERAL = /^[零〇一二三四五六七八九十百千万两几半多]+[点个年月天日号次块元岁楼层周分钟小时趟遍户间栋幢千万百]*$/

/** Features a person can read in a reason (bigrams and length are evidence, but not words to quote). */
const QUOTABLE = /^(w|k|q|p|d|t):/

/**
 * The words of the text behind a class, strongest first: at most `max`, without a word that is
 * part of another one quoted, without single characters unless nothing else is there.
 */
export function evidenceWords(model: LinearModel, features: Features, label: string, max = 4): string[] {
  const words: string[] = []
  for (const { feature } of contributions(model, features.values, label)) {
    if (!QUOTABLE.test(feature)) continue
    const shown = features.shown.get(feature)
    if (!shown) continue
    for (const word of shown.split('、')) if (word && !NUMERAL.test(word) && !words.includes(word)) words.push(word)
    if (words.length >= max * 3) break
  }
  const whole = words.filter((w) => !words.some((other) => other !== w && other.includes(w)))
  const long = whole.filter((w) => Array.from(w).length > 1)
  return (long.length ? long : whole).slice(0, max)
}
