// 首个管理员 (first admin of a district): creates the admin account and its one-time invitation
// without a caller, and prints the code and the scan address. Refuses when the district already
// has an admin. docs/accounts-and-invitations.md "Bootstrap".
//
//   npm run deploy:bootstrap-admin -- --local [--district region-binhu] [--name 张三]
//       the embedded store under DATA_DIR (default .data/); stop `npm start` first (one process per store)
//   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run deploy:bootstrap-admin -- --env <envId> --district <regionId> --name 张三
//       a CloudBase environment through @cloudbase/node-sdk (MINYI_TCB_SERVICE_URL points it elsewhere, e.g. a test endpoint)
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { h5ScanUrl } from '../cloudfunctions/core/adapters/local/qrcodePng'
import { bootstrapFirstAdmin } from '../cloudfunctions/core/application/accounts/bootstrapAdmin'
import type { RegionDoc } from '../cloudfunctions/core/domain/records'
import { DomainError } from '../cloudfunctions/core/domain/errors'
import type { Store } from '../cloudfunctions/core/ports'

export interface BootstrapOptions {
  argv: string[]
  env: NodeJS.ProcessEnv
  print: (line: string) => void
}

async function openStore(values: { local?: boolean; env?: string }, env: NodeJS.ProcessEnv): Promise<{ store: Store; where: string }> {
  if (values.local) {
    const { openNedbStore } = await import('../cloudfunctions/core/adapters/embedded/nedbStore')
    const dataDir = path.resolve(env.DATA_DIR ?? '.data')
    return { store: await openNedbStore({ dataDir }), where: `本地数据目录 ${dataDir}` }
  }
  if (!values.env) throw new Error('请用 --local（本地）或 --env <环境ID>（云开发）指明要初始化的环境')
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) throw new Error('缺少 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY 环境变量（腾讯云 API 密钥）')
  const { default: tcb } = await import('@cloudbase/node-sdk')
  const { createCloudbaseStore } = await import('../cloudfunctions/core/adapters/cloudbase/cloudbaseStore')
  const app = tcb.init({ env: values.env, secretId, secretKey, ...(env.MINYI_TCB_SERVICE_URL ? { serviceUrl: env.MINYI_TCB_SERVICE_URL } : {}) })
  return { store: createCloudbaseStore(app), where: `云开发环境 ${values.env}` }
}

/** Runs the bootstrap; returns the exit code. */
export async function runBootstrap({ argv, env, print }: BootstrapOptions): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      local: { type: 'boolean' },
      env: { type: 'string' },
      district: { type: 'string' },
      name: { type: 'string' },
      'base-url': { type: 'string' },
    },
  })
  let store: Store | null = null
  try {
    const opened = await openStore(values, env)
    store = opened.store
    let districtId = values.district
    if (!districtId) {
      const districts = await store.collection<RegionDoc>('regions').find({ level: 'district' }, { limit: 10 })
      if (districts.length !== 1) throw new Error(`请用 --district <区的编号> 指明行政区（找到 ${districts.length} 个区：${districts.map((d) => `${d._id} ${d.name}`).join('，') || '无'}）`)
      districtId = districts[0]._id
    }
    const result = await bootstrapFirstAdmin(
      { store, clock: { now: () => new Date() }, newId: randomUUID },
      { districtId, name: values.name ?? '区人大常委会管理员' },
    )
    const { code, scene, expiresAt } = result.invitation
    const expires = new Date(expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    print(`${opened.where}：${result.districtName}首个管理员${result.reissued ? '（尚未接受，已重新生成邀请码，原邀请码作废）' : '账号已创建'}`)
    print(`邀请码 ${code}（一次性，有效至 ${expires}）`)
    if (values.local) {
      const baseUrl = values['base-url'] ?? env.MINYI_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? 8080}`
      print(`扫码地址 ${h5ScanUrl(baseUrl, scene)}`)
    } else {
      print(`扫码地址 pages/scan/index?scene=${encodeURIComponent(scene)}（小程序码 scene=${scene}；也可在小程序“接受邀请”页输入邀请码）`)
    }
    return 0
  } catch (error) {
    print(`初始化失败：${error instanceof DomainError || error instanceof Error ? error.message : String(error)}`)
    return error instanceof DomainError && error.code === 'CONFLICT' ? 3 : 1
  } finally {
    await store?.close()
  }
}

if (require.main === module) {
  runBootstrap({ argv: process.argv.slice(2), env: process.env, print: (line) => console.log(line) }).then((code) => {
    process.exitCode = code
  })
}
