// The `timer` cloud function: triggered every few minutes, it runs the scheduled jobs (outbox
// flush and push retries; later deadline checks and reminders). The local runtime runs the same
// jobs on an interval.
import cloud from 'wx-server-sdk'
import tcb from '@cloudbase/node-sdk'
import { createCloudDeps } from '../core/composition/cloudDeps'
import { runScheduledJobs } from '../core/jobs/scheduledJobs'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export async function main(): Promise<unknown> {
  const started = performance.now()
  const deps = createCloudDeps({ app: tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }), openapi: cloud.openapi as never, env: process.env })
  const report = await runScheduledJobs(deps)
  // Monitoring: one JSON line per run with each job's counts (no personal data in any report).
  console.log(JSON.stringify({ kind: 'timer', fn: 'timer', ms: Math.round(performance.now() - started), jobs: report }))
  return report
}
