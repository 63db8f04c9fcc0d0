// Everything the timer runs, in order. Each job is idempotent: running twice changes nothing more.
import type { Deps } from '../application/deps'
import { runOutboxJob } from './outboxJob'

export async function runScheduledJobs(deps: Deps): Promise<Record<string, unknown>> {
  return {
    outbox: await runOutboxJob(deps),
  }
}
