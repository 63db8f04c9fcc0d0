// `npm start`: the whole product on this machine — the h5 build and the api on 127.0.0.1, backed
// by the embedded store under DATA_DIR (default .data/), seeded with demo data on first start.
import fs from 'node:fs'
import path from 'node:path'
import { buildScene } from '@minyi/types'
import { createApi } from '../cloudfunctions/core/api/router'
import { createLocalQrCodeMaker } from '../cloudfunctions/core/adapters/local/qrcodePng'
import type { DeputyDoc, StationDoc, UserDoc } from '../cloudfunctions/core/domain/records'
import { runScheduledJobs } from '../cloudfunctions/core/jobs/scheduledJobs'
import { describeDemoUser, seedDemoData } from './demoData'
import { demoPortraitsToPng } from './avatars'
import { assertLocalRuntime } from './devIdentity'
import { createLocalServer } from './http'
import { createLocalPhotoRoutes } from './photoRoutes'
import type { LocalFileStore } from '../cloudfunctions/core/adapters/local/localFileStore'
import { createLocalDeps } from './localDeps'
import { randomBytes } from 'node:crypto'
import { createGateway } from '../cloudfunctions/core/open311/gateway'
import { createSignedJsonHotline, hotlineAdaptersFromEnv } from '../cloudfunctions/core/adapters/hotline/signedJsonHotline'
import type { LocalArchiveStore } from '../cloudfunctions/core/adapters/local/localArchiveStore'
import { startHotlineStandIn, type HotlineStandIn } from './hotlineStandIn'

/** How often the scheduled jobs (deadlines and 督办, notices, fan-out) run; tests shorten it. */
const JOB_INTERVAL_MS = Number.parseInt(process.env.MINYI_JOB_INTERVAL_MS ?? '', 10) || 60_000

async function writeQrCodes(deps: Awaited<ReturnType<typeof createLocalDeps>>, baseUrl: string, qrDir: string) {
  fs.mkdirSync(qrDir, { recursive: true })
  const maker = createLocalQrCodeMaker(baseUrl)
  const stations = await deps.store.collection<StationDoc>('stations').find({}, { limit: 1000 })
  const deputies = await deps.store.collection<DeputyDoc>('deputies').find({}, { limit: 1000 })
  for (const s of stations) {
    const { png } = await maker.make(buildScene({ kind: 'station', code: s.code }))
    fs.writeFileSync(path.join(qrDir, `民意码-${s.code}-${s.name}.png`), png)
  }
  for (const d of deputies) {
    const { png } = await maker.make(buildScene({ kind: 'deputy', code: d.code }))
    fs.writeFileSync(path.join(qrDir, `代表码-${d.code}-${d.name}.png`), png)
  }
  return { stations, deputies }
}

async function main() {
  assertLocalRuntime()
  const port = Number.parseInt(process.env.PORT ?? '8080', 10)
  const host = process.env.HOST ?? '127.0.0.1'
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
  const staticDir = path.resolve(process.env.STATIC_DIR ?? 'dist-h5')
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`没有找到前端构建产物 ${staticDir}/index.html，请先运行 npm run build:h5`)
    process.exit(1)
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const baseUrl = `http://${host}:${port}`
  // 12345: a real partner when MINYI_HOTLINE_12345_URL/_SECRET are set, else the local stand-in.
  let standIn: HotlineStandIn | null = null
  let hotlineAdapters = hotlineAdaptersFromEnv(process.env)
  if (!hotlineAdapters.length) {
    const secret = randomBytes(24).toString('hex')
    standIn = await startHotlineStandIn({ secret, callbackUrl: `${baseUrl}/hotline/v1/12345/callback` })
    hotlineAdapters = [createSignedJsonHotline({ partner: '12345', url: `${standIn.url}/push`, secret })]
  }
  const deps = await createLocalDeps({ dataDir, hotlineAdapters })
  const { seeded } = await seedDemoData(deps.store)
  // The demo deputies' SVG placeholders as PNG photos, so that posters draw them (server/avatars.ts).
  await demoPortraitsToPng(deps.store, deps.fileStore as LocalFileStore, (m, d) => console.warn(m, d ?? ''))
  const qrDir = path.join(dataDir, 'qrcodes')
  const { stations, deputies } = await writeQrCodes(deps, baseUrl, qrDir)

  const photos = createLocalPhotoRoutes(deps, deps.fileStore as LocalFileStore)
  const server = createLocalServer({
    api: createApi(deps),
    store: deps.store,
    staticDir,
    qrDir,
    photos,
    gateway: createGateway(deps),
    archive: deps.archive as LocalArchiveStore,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })

  const timer = setInterval(() => {
    runScheduledJobs(deps).catch((error) => deps.log('scheduled jobs failed', error))
  }, JOB_INTERVAL_MS)

  const users = await deps.store.collection<UserDoc>('users').find({}, { sort: [['_id', 1]], limit: 100 })
  const lines = [
    '',
    `民意通已启动：${baseUrl}/`,
    `数据目录：${dataDir}${seeded ? '（已写入演示数据）' : ''}`,
    '',
    '演示身份（页面上“选择演示身份”，或请求头 X-Dev-User）：',
    ...users.filter((u) => u._id.startsWith('dev-')).map((u) => `  ${u._id.padEnd(16)} ${describeDemoUser(u)}`),
    '',
    `Open311 接口：${baseUrl}/open311/v2/services.json 、${baseUrl}/open311/v2/requests.json`,
    standIn
      ? `12345 热线模拟合作方：${standIn.url}（POST ${standIn.url}/trigger {"case_ref","type":"status|answer","text"} 发送回调）`
      : '12345 热线：已按 MINYI_HOTLINE_12345_URL 连接合作方',
    `归档导出目录：${path.join(dataDir, 'exports')}`,
    '',
    `二维码图片（每个家站点的民意码、每位代表的代表码）：${qrDir}`,
    ...stations.map((s) => `  民意码 ${s.code}  ${baseUrl}/#/pages/scan/index?scene=${encodeURIComponent(buildScene({ kind: 'station', code: s.code }))}`),
    ...deputies.map((d) => `  代表码 ${d.code}  ${baseUrl}/#/pages/scan/index?scene=${encodeURIComponent(buildScene({ kind: 'deputy', code: d.code }))}`),
    '',
  ]
  console.log(lines.join('\n'))

  const stop = async () => {
    clearInterval(timer)
    server.close()
    await standIn?.close()
    await deps.store.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
