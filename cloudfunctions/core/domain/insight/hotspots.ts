// Hot spots (热点难点): the recurring themes of the last 90 days, found by this small module over the
// cases' terms (`CaseDoc.terms`, the significant words triage keeps) — independent of how triage's
// similarity evolves. Greedy term clustering: the term held by most cases not yet placed (and seen at
// at least `minCases` cases) seeds a theme; the theme takes every unplaced case holding that term and
// is named by it and its most frequent companion term. Terms held by more than `maxShare` of all cases
// are too general to name a theme ("问题", "小区").
export interface HotspotCase {
  id: string
  stationId: string
  terms: string[]
  place: string | null
  category: string
}

export interface HotspotCluster {
  seed: string
  companion: string | null
  caseIds: string[]
}

export function clusterHotspots(cases: HotspotCase[], { minCases = 3, maxShare = 0.3, limit = 10 } = {}): HotspotCluster[] {
  const df = new Map<string, number>()
  for (const c of cases) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const tooCommon = (t: string) => cases.length >= 20 && (df.get(t) ?? 0) > cases.length * maxShare
  const placed = new Set<string>()
  const clusters: HotspotCluster[] = []
  while (clusters.length < limit) {
    const count = new Map<string, number>()
    for (const c of cases) if (!placed.has(c.id)) for (const t of new Set(c.terms)) if (!tooCommon(t) && t.length > 1) count.set(t, (count.get(t) ?? 0) + 1)
    const [seed, n] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0]
    if (!seed || n < minCases) break
    const members = cases.filter((c) => !placed.has(c.id) && c.terms.includes(seed))
    const co = new Map<string, number>()
    for (const c of members) for (const t of new Set(c.terms)) if (t !== seed && !tooCommon(t) && t.length > 1) co.set(t, (co.get(t) ?? 0) + 1)
    const companion = [...co.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    for (const c of members) placed.add(c.id)
    clusters.push({ seed, companion: companion && companion[1] >= 2 ? companion[0] : null, caseIds: members.map((c) => c.id) })
  }
  return clusters
}
