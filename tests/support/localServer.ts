// The local runtime's HTTP server (api, photo routes) on a free port over a test harness, for the
// suites that upload and fetch photos the way the h5 front end does.
import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createLocalServer } from '../../server/http'
import { createLocalPhotoRoutes } from '../../server/photoRoutes'
import type { Harness } from './apiHarness'

export interface ServedHarness {
  /** e.g. http://127.0.0.1:43123 */
  base: string
  close(): Promise<void>
}

export async function serveLocally(h: Harness): Promise<ServedHarness> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-static-'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>民意通</title>')
  const server: http.Server = createLocalServer({ api: h.api, store: h.store, staticDir, qrDir: staticDir, photos: createLocalPhotoRoutes(h.deps, h.files) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve))
      fs.rmSync(staticDir, { recursive: true, force: true })
    },
  }
}
