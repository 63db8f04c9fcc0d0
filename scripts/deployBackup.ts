// npm run deploy:backup -- --env <envId>: exports every collection to the environment's storage
// (backups/<time>/<collection>.json). Run it on a schedule; docs/deploy.md §7.
import fs from 'node:fs'
import path from 'node:path'
import { backupDatabase, type BackupTarget } from './deploy/backup'
import { envFilePath, parseEnvFile } from './deploy/secrets'

const root = path.resolve(__dirname, '..')

async function main() {
  const i = process.argv.indexOf('--env')
  const envId = i >= 0 ? process.argv[i + 1] : undefined
  if (!envId) throw new Error('usage: npm run deploy:backup -- --env <envId>')
  const file = envFilePath(root, envId)
  const fromFile = fs.existsSync(file) ? parseEnvFile(fs.readFileSync(file, 'utf8')) : {}
  const secretId = process.env.TENCENTCLOUD_SECRETID || fromFile.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY || fromFile.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) throw new Error('no credentials: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
  const { CloudBase } = await import('./deploy/managerNodeTarget')
  const manager = new CloudBase({ envId, secretId, secretKey })
  const target: BackupTarget = {
    async startExport(collection, objectKey) {
      return (await manager.database.export(collection, { ObjectKey: objectKey }, {})).JobId
    },
    async exportStatus(jobId) {
      const s = await manager.database.migrateStatus(jobId)
      return { status: s.Status, records: s.RecordSuccess, error: s.ErrorMsg || null }
    },
  }
  const report = await backupDatabase(target, root, new Date(), { log: (l) => console.log(l) })
  console.log(`${report.exported.length} collections exported to ${report.prefix}/ (download: 云开发控制台 → 云存储)`)
  if (report.failed.length) process.exit(1)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
