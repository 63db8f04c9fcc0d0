// A database export of every collection in deploy/collections.json, for a scheduled backup
// (cron on an office machine: `npm run deploy:backup -- --env <envId>`). CloudBase writes each
// export into the environment's storage under backups/<date>/<collection>.json; this waits for
// each job and reports what it wrote. Through a small port so that it is tested without an account.
import { readCollections } from './desired'

export interface BackupTarget {
  /** Starts an export of one collection to a storage object; answers the job id. */
  startExport(collection: string, objectKey: string): Promise<number>
  /** The job's state: `waiting`/`reading`/`writing`… until `success` or `fail`. */
  exportStatus(jobId: number): Promise<{ status: string; records: number; error: string | null }>
}

export interface BackupReport {
  prefix: string
  exported: Array<{ collection: string; objectKey: string; records: number }>
  failed: Array<{ collection: string; error: string }>
}

export async function backupDatabase(
  target: BackupTarget,
  root: string,
  now: Date,
  options: { pollMs?: number; maxPolls?: number; log?: (line: string) => void } = {},
): Promise<BackupReport> {
  const prefix = `backups/${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`
  const report: BackupReport = { prefix, exported: [], failed: [] }
  for (const { name } of readCollections(root)) {
    const objectKey = `${prefix}/${name}.json`
    try {
      const job = await target.startExport(name, objectKey)
      let state = await target.exportStatus(job)
      for (let i = 0; i < (options.maxPolls ?? 600) && state.status !== 'success' && state.status !== 'fail'; i++) {
        await new Promise((r) => setTimeout(r, options.pollMs ?? 1000))
        state = await target.exportStatus(job)
      }
      if (state.status !== 'success') throw new Error(state.error ?? `export ended as ${state.status}`)
      report.exported.push({ collection: name, objectKey, records: state.records })
      options.log?.(`exported ${name}: ${state.records} records → ${objectKey}`)
    } catch (error) {
      report.failed.push({ collection: name, error: (error as Error).message })
      options.log?.(`FAILED ${name}: ${(error as Error).message}`)
    }
  }
  return report
}
