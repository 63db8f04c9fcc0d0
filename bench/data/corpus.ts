// The labelled corpus (bench/data/opinions/*.tsv: category, route, text, reason — one opinion a line,
// written by hand for this project) and its train / held-out split (bench/data/split.json, made once
// by scripts/splitCorpus.ts with a fixed seed). Training reads only the train part; the bench quotes
// the held-out part. bench/data/unseen.tsv was written after the models were trained, in new wording.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CATEGORIES, type Category } from '@minyi/types'

export const TRIAGE_ROUTES = ['onsite', 'transfer', 'proposal', 'decline'] as const
export type TriageRoute = (typeof TRIAGE_ROUTES)[number]

export interface Opinion {
  id: string
  text: string
  category: Category
  route: TriageRoute
  reason: string
  /** The batch file it was written in. */
  file: string
}

export type Split = 'train' | 'heldout'

const DATA = __dirname
export const OPINIONS_DIR = path.join(DATA, 'opinions')
export const SPLIT_FILE = path.join(DATA, 'split.json')

/** Ids are a hash of the text, so re-ordering the batch files changes nothing. */
export function opinionId(text: string): string {
  return createHash('sha1').update(text.normalize('NFKC')).digest('hex').slice(0, 12)
}

export function parseTsv(file: string): Opinion[] {
  const name = path.basename(file)
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line, i) => {
      const [category, route, text, reason] = line.split('\t')
      if (!(CATEGORIES as readonly string[]).includes(category)) throw new Error(`${name}:${i + 1}: unknown category ${category}`)
      if (!(TRIAGE_ROUTES as readonly string[]).includes(route)) throw new Error(`${name}:${i + 1}: unknown route ${route}`)
      if (!text?.trim() || !reason?.trim()) throw new Error(`${name}:${i + 1}: text and reason are required`)
      return { id: opinionId(text), text: text.trim(), category: category as Category, route: route as TriageRoute, reason: reason.trim(), file: name }
    })
}

export function loadOpinions(): Opinion[] {
  const files = fs.readdirSync(OPINIONS_DIR).filter((f) => f.endsWith('.tsv')).sort()
  const all = files.flatMap((f) => parseTsv(path.join(OPINIONS_DIR, f)))
  const seen = new Set<string>()
  for (const o of all) {
    if (seen.has(o.id)) throw new Error(`duplicate opinion in ${o.file}: ${o.text}`)
    seen.add(o.id)
  }
  return all
}

export interface SplitFile {
  seed: number
  heldoutShare: number
  note: string
  assigned: Record<string, Split>
}

export function loadSplit(): SplitFile {
  return JSON.parse(fs.readFileSync(SPLIT_FILE, 'utf8')) as SplitFile
}

/** The corpus with its split; an opinion the split does not know (added later) is an error. */
export function splitCorpus(): { train: Opinion[]; heldout: Opinion[] } {
  const { assigned } = loadSplit()
  const train: Opinion[] = []
  const heldout: Opinion[] = []
  for (const o of loadOpinions()) {
    const part = assigned[o.id]
    if (!part) throw new Error(`opinion not in split.json (run scripts/splitCorpus.ts --add): ${o.text}`)
    ;(part === 'train' ? train : heldout).push(o)
  }
  return { train, heldout }
}

export function loadUnseen(): Opinion[] {
  const file = path.join(DATA, 'unseen.tsv')
  return fs.existsSync(file) ? parseTsv(file) : []
}

export interface Pair {
  kind: PairKind
  a: string
  b: string
}
/** same_issue: one problem at one place, told twice; same_problem: the problem at another place;
 *  same_place: another problem at the same place; unrelated. */
export const PAIR_KINDS = ['same_issue', 'same_problem', 'same_place', 'unrelated'] as const
export type PairKind = (typeof PAIR_KINDS)[number]

/** `pairs-unseen.tsv`: pairs written after the similarity's settings were fixed (never tuned on). */
export function loadPairs(name: 'pairs.tsv' | 'pairs-unseen.tsv' = 'pairs.tsv'): Pair[] {
  const file = path.join(DATA, name)
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line, i) => {
      const [kind, a, b] = line.split('\t')
      if (!(PAIR_KINDS as readonly string[]).includes(kind) || !a || !b) throw new Error(`${name}:${i + 1}: bad line`)
      return { kind: kind as PairKind, a: a.trim(), b: b.trim() }
    })
}
