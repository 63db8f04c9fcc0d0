// Splits the labelled corpus into train / held-out ONCE (stratified by category × route, a seeded
// shuffle, 25 % held out) and records it in bench/data/split.json. Run again with `--add` after
// writing more opinions: only the new ones are assigned (same rule), nothing already assigned moves.
// `--add-train` assigns the new ones to the train part only (opinions written to strengthen training,
// e.g. bench/data/opinions/16-train-extra.tsv; they must never enter the held-out part).
import fs from 'node:fs'
import { loadOpinions, SPLIT_FILE, type Opinion, type Split, type SplitFile } from '../bench/data/corpus'
import { rng } from '../bench/support/caseGenerator'

const SEED = 20261203
const HELDOUT_SHARE = 0.25

function assign(items: Opinion[], seed: number): Record<string, Split> {
  const groups = new Map<string, Opinion[]>()
  for (const o of items) {
    const key = `${o.category}/${o.route}`
    groups.set(key, [...(groups.get(key) ?? []), o])
  }
  const out: Record<string, Split> = {}
  const r = rng(seed)
  for (const key of [...groups.keys()].sort()) {
    const group = [...groups.get(key)!].sort((a, b) => (a.id < b.id ? -1 : 1))
    for (let i = group.length - 1; i > 0; i -= 1) {
      const j = Math.floor(r() * (i + 1))
      ;[group[i], group[j]] = [group[j], group[i]]
    }
    const held = Math.round(group.length * HELDOUT_SHARE)
    group.forEach((o, i) => (out[o.id] = i < held ? 'heldout' : 'train'))
  }
  return out
}

function main() {
  const all = loadOpinions()
  const exists = fs.existsSync(SPLIT_FILE)
  const trainOnly = process.argv.includes('--add-train')
  if (exists && !process.argv.includes('--add') && !trainOnly) {
    console.error('split.json exists: the split is made once. Use --add to assign new opinions only.')
    process.exit(1)
  }
  const previous: SplitFile | null = exists ? JSON.parse(fs.readFileSync(SPLIT_FILE, 'utf8')) : null
  const fresh = all.filter((o) => !previous?.assigned[o.id])
  const added = trainOnly
    ? Object.fromEntries(fresh.map((o) => [o.id, 'train' as Split]))
    : assign(fresh, SEED + (previous ? Object.keys(previous.assigned).length : 0))
  const assigned = { ...(previous?.assigned ?? {}), ...added }
  const file: SplitFile = {
    seed: SEED,
    heldoutShare: HELDOUT_SHARE,
    note: 'Made once by scripts/splitCorpus.ts (stratified by category × route). Never tune on the held-out part.',
    assigned: Object.fromEntries(Object.entries(assigned).sort(([a], [b]) => (a < b ? -1 : 1))),
  }
  fs.writeFileSync(SPLIT_FILE, `${JSON.stringify(file, null, 1)}\n`)
  const held = Object.values(file.assigned).filter((s) => s === 'heldout').length
  console.log(`${Object.keys(file.assigned).length} opinions: ${held} held out, ${fresh.length} newly assigned`)
}

main()
