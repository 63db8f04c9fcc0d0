// Everything the timer runs. Each job is idempotent: running twice changes nothing more. One job
// failing (a store hiccup) is logged and reported and does not keep the others from running; the
// outbox goes last so that notices written by the other jobs are delivered in the same run.
import type { Deps } from '../application/deps'
import { runOutboxJob } from './outboxJob'
import { runReceptionJob } from './receptionJob'
import { runFanOutJob } from './fanOutJob'
import { runDeadlineJob, runMilestoneDeadlineJob } from './deadlineJob'
import { runPhotoCleanupJob } from './photoCleanupJob'
import { runPhoneKeyRotationJob } from './phoneKeyRotationJob'
import { runExportJob, runHotlineJob } from './partnerJobs'
import { runPhoneRetentionJob } from './phoneRetentionJob'
import { runRollupJob } from './rollupJob'

const JOBS = {
  reception: runReceptionJob,
  fanOut: runFanOutJob,
  // 督办 of overdue cases, and closing replied cases nobody rated in time.
  deadlines: runDeadlineJob,
  // Photos uploaded but never submitted, after a day.
  photoCleanup: runPhotoCleanupJob,
  // 民生实事: overdue milestones of chosen projects, flagged once.
  livelihoodMilestones: runMilestoneDeadlineJob,
  // 12345 pushes that did not go through yet; old webhook nonces.
  hotline: runHotlineJob,
  // The previous Shanghai day's public cases as JSON Lines and CSV, once a day.
  archiveExport: runExportJob,
  // Phone numbers N months (config, default 24) after their case closed.
  phoneRetention: runPhoneRetentionJob,
  // 统计 rollups: differences a crashed process claimed but did not finish (after a minute); old markers.
  insightRollups: runRollupJob,
  outbox: runOutboxJob,
  // Re-seals stored phone numbers after a MINYI_PHONE_KEY rotation (one read when there is none).
  // After the outbox: it writes no notices, and it is the least urgent.
  phoneKeyRotation: runPhoneKeyRotationJob,
} as const

export async function runScheduledJobs(deps: Deps): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {}
  for (const [name, job] of Object.entries(JOBS)) {
    try {
      report[name] = await job(deps)
    } catch (error) {
      deps.log(`scheduled job ${name} failed`, error)
      report[name] = { failed: error instanceof Error ? error.message : String(error) }
    }
  }
  return report
}
