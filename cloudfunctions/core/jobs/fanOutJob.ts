// Finishes fan-outs a crash or a timeout interrupted: cases merged (并案) into a case that has its
// outcome but did not follow yet, and suggestions (议案/建议) whose residents or deputy were not all
// told yet. Both are idempotent (each case moves by its own conditional update, markers and
// deterministic message ids prevent repeats), so running this any number of times is safe.
import type { Deps } from '../application/deps'
import { finishMergedCases } from '../application/cases/mergeCases'
import { runPendingSuggestionFanOuts } from '../application/suggestions/suggestionFanOut'
import type { CaseDoc } from '../domain/records'

export interface FanOutJobReport {
  mergedCasesMoved: number
  suggestionsCompleted: number
}

const PAGE = 500
const MAX_PAGES = 10

export async function runFanOutJob(deps: Deps): Promise<FanOutJobReport> {
  const cases = deps.store.collection<CaseDoc>('cases')
  const primaries = new Set<string>()
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const waiting = await cases.find({ status: 'merged' }, { sort: [['_id', 1]], skip: page * PAGE, limit: PAGE })
    for (const c of waiting) if (c.mergedInto) primaries.add(c.mergedInto.caseId)
    if (waiting.length < PAGE) break
  }
  let mergedCasesMoved = 0
  for (const primaryId of primaries) {
    try {
      mergedCasesMoved += await finishMergedCases(deps, primaryId)
    } catch (error) {
      deps.log('merged cases could not follow their primary yet', { primaryId, error: String(error) })
    }
  }
  return { mergedCasesMoved, suggestionsCompleted: await runPendingSuggestionFanOuts(deps) }
}
