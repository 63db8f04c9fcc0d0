// Everything the timer runs, in order. Each job is idempotent: running twice changes nothing more.
import type { Deps } from '../application/deps'
import { runOutboxJob } from './outboxJob'
import { runReceptionJob } from './receptionJob'
import { runFanOutJob } from './fanOutJob'
import { runDeadlineJob } from './deadlineJob'

export async function runScheduledJobs(deps: Deps): Promise<Record<string, unknown>> {
  return {
    outbox: await runOutboxJob(deps),
    reception: await runReceptionJob(deps),
    fanOut: await runFanOutJob(deps),
    // 督办 of overdue cases, and closing replied cases nobody rated in time.
    deadlines: await runDeadlineJob(deps),
  }
}
