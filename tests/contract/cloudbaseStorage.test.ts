// The CloudBase storage adapters (archive store, photo file store) with the real
// @cloudbase/node-sdk against the fake endpoint's storage emulation: upload (getUploadMetadata +
// the COS-style PUT the fake serves), temp URLs (and the HEAD that getFileInfo sends to them),
// deletion. No stand-in for the SDK: what passes here is what the SDK really sends and reads.
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseArchiveStore, type CloudArchiveApi } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseArchiveStore'
import { createCloudbaseFileStore, type CloudStorageApi } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseFileStore'
import { startFakeCloudbase, type FakeCloudbase } from '../support/fakeCloudbase'

const previousTencentCloud = process.env.TENCENTCLOUD
let fake: FakeCloudbase
let app: ReturnType<typeof tcb.init>

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true'
  fake = await startFakeCloudbase()
  app = tcb.init(fake.sdkConfig)
})
afterAll(async () => {
  if (previousTencentCloud === undefined) delete process.env.TENCENTCLOUD
  else process.env.TENCENTCLOUD = previousTencentCloud
  await fake.close()
})

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const owner = { userId: 'u-1', openid: 'oResident_1' }

describe('the archive store (exports/) on CloudBase storage', () => {
  it('writes a file under exports/ and hands out a temp URL that downloads exactly those bytes', async () => {
    const archive = createCloudbaseArchiveStore(app as unknown as CloudArchiveApi, { ttlSeconds: 300 })
    const body = Buffer.from('{"service_request_id":"MY20261202-0001"}\n', 'utf8')
    const stored = await archive.put('minyi-cases-2026-12-02.jsonl', body, 'application/x-ndjson; charset=utf-8')
    expect(stored).toEqual({ fileId: fake.storage.fileIdOf('exports/minyi-cases-2026-12-02.jsonl'), size: body.length })
    expect(fake.storage.files.get('exports/minyi-cases-2026-12-02.jsonl')?.body).toEqual(body)

    const url = await archive.downloadUrl(stored.fileId)
    expect(url).toEqual(expect.any(String))
    const res = await fetch(url!)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body)
  })

  it('overwrites on a second put of the same name (a taken-over run), never adds a second file', async () => {
    const archive = createCloudbaseArchiveStore(app as unknown as CloudArchiveApi)
    await archive.put('minyi-cases-2026-12-03.csv', Buffer.from('a\n'), 'text/csv')
    const again = await archive.put('minyi-cases-2026-12-03.csv', Buffer.from('a,b\n'), 'text/csv')
    expect(again.size).toBe(4)
    expect([...fake.storage.files.keys()].filter((k) => k.endsWith('2026-12-03.csv'))).toHaveLength(1)
    expect(fake.storage.files.get('exports/minyi-cases-2026-12-03.csv')?.body.toString()).toBe('a,b\n')
  })

  it('answers null for a file that is not there', async () => {
    const archive = createCloudbaseArchiveStore(app as unknown as CloudArchiveApi)
    expect(await archive.downloadUrl(fake.storage.fileIdOf('exports/nothing.csv'))).toBeNull()
  })
})

describe('the photo file store (uploads/<openid>/) on CloudBase storage', () => {
  const files = () => createCloudbaseFileStore(app as unknown as CloudStorageApi)

  /** What the mini-program does with the target (Taro.cloud.uploadFile: metadata, then the PUT). */
  async function upload(cloudPath: string, content: Buffer) {
    return (await app.uploadFile({ cloudPath, fileContent: content })).fileID
  }

  it('learns the file id of the upload target, and the upload then has exactly that id', async () => {
    const target = await files().uploadTarget(owner, 'png')
    expect(target).toMatchObject({ mode: 'cloud', pathPrefix: 'uploads/oResident_1/', cloudPath: expect.stringMatching(/^uploads\/oResident_1\/[0-9a-f]{32}\.png$/) })
    expect(target.fileId).toBe(fake.storage.fileIdOf(target.cloudPath!))
    expect(fake.storage.files.has(target.cloudPath!)).toBe(false)
    expect(await upload(target.cloudPath!, PNG)).toBe(target.fileId)
  })

  it('verifies an own uploaded photo (type and size from the HEAD of its temp URL), refuses others', async () => {
    const store = files()
    const target = await store.uploadTarget(owner, 'png')
    const fileId = await upload(target.cloudPath!, PNG)
    expect(await store.verify(fileId, owner)).toEqual({ ok: true, contentType: 'image/png', size: PNG.length })
    expect(await store.verify(fileId, { userId: 'u-2', openid: 'oSomeoneElse' })).toEqual({ ok: false, reason: 'not_owner' })
    expect(await store.verify(fake.storage.fileIdOf('uploads/oResident_1/never.png'), owner)).toEqual({ ok: false, reason: 'not_found' })
  })

  it('refuses an upload that is too large', async () => {
    const store = files()
    const target = await store.uploadTarget(owner, 'jpg')
    const fileId = await upload(target.cloudPath!, Buffer.alloc(2 * 1024 * 1024 + 1, 1))
    expect(await store.verify(fileId, owner)).toEqual({ ok: false, reason: 'too_large' })
  })

  it('issues viewing URLs that open the photo, null for a missing one, in the order asked', async () => {
    const store = files()
    const target = await store.uploadTarget(owner, 'png')
    const fileId = await upload(target.cloudPath!, PNG)
    const grant = { caseId: 'c1', photoId: 'p1', viewerId: 'u-1' }
    const missing = fake.storage.fileIdOf('uploads/oResident_1/gone.png')
    const [none, url] = await store.viewUrls([
      { fileId: missing, grant },
      { fileId, grant },
    ])
    expect(none).toBeNull()
    const res = await fetch(url!)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
  })

  it('removes uploads (an already-gone file counts as removed) and never touches files outside uploads/', async () => {
    const store = files()
    const ids: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const target = await store.uploadTarget(owner, 'png')
      ids.push(await upload(target.cloudPath!, PNG))
    }
    const archive = createCloudbaseArchiveStore(app as unknown as CloudArchiveApi)
    const exported = await archive.put('keep.csv', Buffer.from('x'), 'text/csv')
    const gone = fake.storage.fileIdOf('uploads/oResident_1/already-gone.png')

    const result = await store.remove([...ids, gone, exported.fileId])
    expect(result.removed.sort()).toEqual([...ids, gone].sort())
    expect(result.failed).toEqual([exported.fileId])
    for (const id of ids) expect(await store.verify(id, owner)).toEqual({ ok: false, reason: 'not_found' })
    expect(fake.storage.files.has('exports/keep.csv')).toBe(true)
  })

  it('also takes the COS POST form upload the mini-program makes (wx.cloud.uploadFile), with the same authorization', async () => {
    const store = files()
    const target = await store.uploadTarget(owner, 'png')
    const meta = (await app.getUploadMetadata({ cloudPath: target.cloudPath! })) as unknown as {
      data: { url: string; token: string; authorization: string; cosFileId: string; fileId: string }
    }
    const form = (signature: string) => {
      const f = new FormData()
      f.append('key', target.cloudPath!)
      f.append('Signature', signature)
      f.append('x-cos-security-token', meta.data.token)
      f.append('x-cos-meta-fileid', meta.data.cosFileId)
      f.append('success_action_status', '201')
      f.append('file', new Blob([PNG]), 'photo.png')
      return f
    }
    expect((await fetch(meta.data.url, { method: 'POST', body: form('forged') })).status).toBe(403)
    expect(fake.storage.files.has(target.cloudPath!)).toBe(false)
    expect((await fetch(meta.data.url, { method: 'POST', body: form(meta.data.authorization) })).status).toBe(201)
    expect(meta.data.fileId).toBe(target.fileId)
    expect(await store.verify(target.fileId!, owner)).toEqual({ ok: true, contentType: 'image/png', size: PNG.length })
  })

  it('the COS side refuses an upload without the authorization getUploadMetadata issued', async () => {
    const target = await files().uploadTarget(owner, 'png')
    const res = await fetch(`${fake.url.replace(/\/admin$/, '')}/cos/${target.cloudPath}`, { method: 'PUT', body: PNG })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('<Code>AccessDenied</Code>')
    expect(fake.storage.files.has(target.cloudPath!)).toBe(false)
  })
})
