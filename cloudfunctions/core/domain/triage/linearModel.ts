// A small multinomial logistic regression (softmax) over sparse features, with its training:
// seeded-shuffle SGD, class-balanced loss, L2 on the weights an example touches. Deterministic: the
// same examples and options give the same weights, bit for bit (no time, no Math.random). The
// weights are stored as integers (× scale), pruned to features seen in enough training texts, so
// the committed JSON stays small. Pure.
export interface LinearModel {
  /** What it predicts, e.g. "category" or "route". */
  name: string
  classes: string[]
  /** Weights are integers; divide by this. */
  scale: number
  bias: number[]
  /** Feature → weight per class (integers × scale). */
  weights: Record<string, number[]>
  /** What it was trained on (for the record). */
  trainedOn: { examples: number; features: number; options: TrainOptions }
}

export interface TrainOptions {
  epochs: number
  learningRate: number
  l2: number
  /** Keep word and bigram features found in at least this many training texts. */
  minDf: number
  /** At most this many word / bigram features (most frequent first). */
  maxFeatures: number
  seed: number
  /** Weights are rounded to 1 / scale. */
  scale: number
  /** Weights smaller than this many 1 / scale are dropped (set to 0). */
  prune: number
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 40,
  learningRate: 1,
  l2: 0.0005,
  minDf: 2,
  maxFeatures: 6000,
  seed: 7,
  scale: 100,
  prune: 3,
}

export interface Example {
  values: Map<string, number>
  label: string
}

/** Features whose value is a count of words or bigrams; the others (cues, dictionary) are kept as given. */
/** Word and bigram evidence, relative to a cue or dictionary feature (chosen by cross-validation on the train part). */
const TEXT_SCALE = 2
const isTextFeature = (name: string) => name.startsWith('w:') || name.startsWith('c:')

/**
 * The vector the model multiplies: word and bigram features binary, scaled by 1/√(their number) so
 * a long text does not outweigh a short one; cue and dictionary features as they are.
 */
export function vectorOf(values: Map<string, number>, known?: (name: string) => boolean): Array<[string, number]> {
  const entries = [...values.entries()].filter(([name]) => !known || known(name))
  const textCount = entries.filter(([name]) => isTextFeature(name)).length
  const norm = textCount ? 1 / Math.sqrt(textCount) : 1
  return entries.map(([name, v]) => [name, isTextFeature(name) ? norm * TEXT_SCALE : v])
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits)
  const exps = logits.map((l) => Math.exp(l - max))
  const sum = exps.reduce((s, e) => s + e, 0)
  return exps.map((e) => e / sum)
}

function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The features kept: every cue / dictionary feature, and the most frequent word / bigram features. */
function vocabulary(examples: Example[], options: TrainOptions): Set<string> {
  const df = new Map<string, number>()
  for (const e of examples) for (const name of e.values.keys()) df.set(name, (df.get(name) ?? 0) + 1)
  const text = [...df.entries()]
    .filter(([name, n]) => isTextFeature(name) && n >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures)
    .map(([name]) => name)
  const other = [...df.keys()].filter((name) => !isTextFeature(name))
  return new Set([...text, ...other].sort())
}

export function train(name: string, classes: readonly string[], examples: Example[], overrides: Partial<TrainOptions> = {}): LinearModel {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...overrides }
  const vocab = vocabulary(examples, options)
  const k = classes.length
  const index = new Map(classes.map((c, i) => [c, i]))
  const counts = classes.map((c) => examples.filter((e) => e.label === c).length)
  // Class-balanced: every class weighs as much in the loss, however many examples it has.
  const classWeight = counts.map((n) => (n ? examples.length / (k * n) : 0))
  const w = new Map<string, Float64Array>()
  for (const f of vocab) w.set(f, new Float64Array(k))
  const bias = new Float64Array(k)
  const vectors = examples.map((e) => ({ x: vectorOf(e.values, (f) => vocab.has(f)), y: index.get(e.label) }))
  const order = vectors.map((_, i) => i)
  const r = seeded(options.seed)
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(r() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    const lr = options.learningRate / (1 + epoch * 0.1)
    for (const n of order) {
      const { x, y } = vectors[n]
      if (y === undefined) continue
      const logits = Array.from(bias)
      for (const [f, v] of x) {
        const row = w.get(f)!
        for (let c = 0; c < k; c += 1) logits[c] += row[c] * v
      }
      const p = softmax(logits)
      const cw = classWeight[y]
      for (let c = 0; c < k; c += 1) {
        const g = (p[c] - (c === y ? 1 : 0)) * cw
        bias[c] -= lr * g
        for (const [f, v] of x) {
          const row = w.get(f)!
          row[c] -= lr * (g * v + options.l2 * row[c])
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * options.scale)
  const pruned = (x: number) => (Math.abs(round(x)) < options.prune ? 0 : round(x))
  const weights: Record<string, number[]> = {}
  for (const f of vocab) {
    const row = Array.from(w.get(f)!, pruned)
    if (row.some((x) => x !== 0)) weights[f] = row
  }
  return {
    name,
    classes: [...classes],
    scale: options.scale,
    bias: Array.from(bias, round),
    weights,
    trainedOn: { examples: examples.length, features: Object.keys(weights).length, options },
  }
}

export interface ClassScore {
  label: string
  probability: number
  logit: number
}

/** Probabilities per class, best first (ties: the order of `classes`). */
export function predict(model: LinearModel, values: Map<string, number>): ClassScore[] {
  const x = vectorOf(values, (f) => f in model.weights)
  const logits = model.bias.map((b) => b / model.scale)
  for (const [f, v] of x) {
    const row = model.weights[f]
    for (let c = 0; c < logits.length; c += 1) logits[c] += (row[c] / model.scale) * v
  }
  const p = softmax(logits)
  return model.classes
    .map((label, i) => ({ label, probability: p[i], logit: logits[i], i }))
    .sort((a, b) => b.probability - a.probability || a.i - b.i)
    .map(({ i: _i, ...rest }) => rest)
}

/** How much each feature of the text pushes towards `label`, relative to the other classes, strongest first. */
export function contributions(model: LinearModel, values: Map<string, number>, label: string): Array<{ feature: string; weight: number }> {
  const c = model.classes.indexOf(label)
  if (c < 0) return []
  const k = model.classes.length
  return vectorOf(values, (f) => f in model.weights)
    .map(([feature, v]) => {
      const row = model.weights[feature]
      const mean = row.reduce((s, x) => s + x, 0) / k
      return { feature, weight: ((row[c] - mean) / model.scale) * v }
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
}

/** Whether the text has any feature the model knows. */
export function knowsAny(model: LinearModel, values: Map<string, number>): boolean {
  for (const f of values.keys()) if (f in model.weights && !f.startsWith('len:')) return true
  return false
}
