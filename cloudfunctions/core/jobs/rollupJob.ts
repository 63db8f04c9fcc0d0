// Rollups (issue 8): finishes the differences a case change claimed but did not apply to every
// bucket (the process died half-way), once they are older than a minute, and prunes old applied
// markers. Idempotent: each bucket counts a (case, revision) once. See application/insight/rollups.ts.
import type { Deps } from '../application/deps'
import { finishPendingRollups } from '../application/insight/rollups'

export async function runRollupJob(deps: Deps): Promise<{ finished: number; left: number; pruned: number }> {
  const report = await finishPendingRollups(deps.store, deps.clock.now())
  if (report.finished) deps.log('insight rollups: finished pending differences', report)
  return report
}
