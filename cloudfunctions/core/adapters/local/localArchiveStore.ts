// The archive export locally: files under `<DATA_DIR>/exports`, downloaded through the local
// runtime's `/files/exports/<name>` with a signed, expiring address (server/http.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ArchiveStore } from '../../ports/archiveStore'

export const LOCAL_EXPORT_PATH = '/files/exports/'
const NAME = /^[A-Za-z0-9._-]{1,100}$/

export interface LocalArchiveStore extends ArchiveStore {
  /** The file's bytes if the signed address is good and unexpired, else null. */
  read(name: string, query: URLSearchParams, now?: Date): Promise<Buffer | null>
  root: string
}

export function createLocalArchiveStore(options: { root: string; key?: Buffer; ttlSeconds?: number; now?: () => Date; baseUrl?: string }): LocalArchiveStore {
  const root = path.resolve(options.root)
  const key = options.key ?? randomBytes(32)
  const ttl = options.ttlSeconds ?? 600
  const now = options.now ?? (() => new Date())
  const sign = (name: string, exp: number) => createHmac('sha256', key).update(`${name}\n${exp}`).digest('base64url')
  const fileOf = (name: string) => (NAME.test(name) && !name.startsWith('.') ? path.join(root, name) : null)

  return {
    root,
    async put(name, body) {
      const file = fileOf(name)
      if (!file) throw new Error(`bad export file name ${name}`)
      await fs.promises.mkdir(root, { recursive: true })
      await fs.promises.writeFile(`${file}.part`, body)
      await fs.promises.rename(`${file}.part`, file)
      return { fileId: `local-export:${name}`, size: body.length }
    },
    async downloadUrl(fileId) {
      const name = fileId.startsWith('local-export:') ? fileId.slice('local-export:'.length) : ''
      if (!fileOf(name)) return null
      const exp = Math.floor(now().getTime() / 1000) + ttl
      return `${options.baseUrl ?? ''}${LOCAL_EXPORT_PATH}${name}?exp=${exp}&sig=${sign(name, exp)}`
    },
    async read(name, query, at = now()) {
      const file = fileOf(name)
      const exp = Number(query.get('exp'))
      const sig = query.get('sig') ?? ''
      if (!file || !Number.isFinite(exp) || exp < at.getTime() / 1000) return null
      const expected = Buffer.from(sign(name, exp))
      const given = Buffer.from(sig)
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
      return fs.promises.readFile(file).catch(() => null)
    },
  }
}
