// Timer work of issue 12: retry 12345 pushes whose backoff has passed, forget webhook nonces older
// than a day (a delivery that old is refused by its timestamp anyway), and the nightly archive export.
import type { Deps } from '../application/deps'
import { pushToHotline } from '../application/hotline/hotlinePush'
import { runExportJob } from '../application/exports/archiveExport'
import type { PartnerCaseDoc, WebhookNonceDoc } from '../domain/partners/records'

export async function runHotlineJob(deps: Deps): Promise<{ pushesTried: number; noncesForgotten: number }> {
  const now = deps.clock.now()
  const due = await deps.store
    .collection<PartnerCaseDoc>('cases')
    .find({ 'hotline.state': 'pending', 'hotline.nextAttemptAt': { $lte: now.toISOString() } }, { limit: 100 })
  for (const c of due) {
    try {
      await pushToHotline(deps, c._id)
    } catch (error) {
      deps.log('hotline push retry failed', { caseId: c._id, error: String(error) })
    }
  }
  const cutoff = new Date(now.getTime() - 86_400_000).toISOString()
  const noncesForgotten = await deps.store.collection<WebhookNonceDoc>('webhook_nonces').remove({ at: { $lt: cutoff } })
  return { pushesTried: due.length, noncesForgotten }
}

export { runExportJob }
