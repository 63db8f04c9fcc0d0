// Photos uploaded but never submitted are deleted by the timer after a day (residents' personal
// photos must not linger): the api remembers every upload it hands out (`photo_uploads`), a submit
// takes its photos off that list, and `runPhotoCleanupJob` deletes the files of the rest once they
// are older than `photoUploadMaxAgeHours` and no case references them. Checked here: not before
// the age, never a submitted (or hidden) photo, not after a crash between the case insert and the
// forgetting, nothing more on a second (or concurrent) run; and the CloudBase adapter's part
// (`getUploadMetadata` for the path's file id, `deleteFile`) over a stand-in for node-sdk, because
// the fake CloudBase endpoint in tests/support/fakeCloudbase speaks only the database protocol; the
// job's queries and conditional updates run once more against that endpoint through node-sdk.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCloudbaseFileStore, type CloudStorageApi } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseFileStore'
import { createLocalFileStore } from '../../cloudfunctions/core/adapters/local/localFileStore'
import { PHOTO_UPLOADS, rememberUpload, type PhotoUploadDoc } from '../../cloudfunctions/core/application/cases/photoUploads'
import { runPhotoCleanupJob } from '../../cloudfunctions/core/jobs/photoCleanupJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { serveLocally, type ServedHarness } from '../support/localServer'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { useCloudbaseHarness } from '../support/cloudbaseApiHarness'
import { caseDoc, hookedStore, refusal } from './caseFixtures'

const R1 = 'dev-resident-1'
const STAFF = 'dev-staff-1'
const HOUR = 3_600_000

const jpeg = (fill = 1) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, fill)])
const NOTHING = { deleted: 0, keptInCase: 0, failed: 0 }

describe('photos nobody submitted are deleted after a day (local runtime)', () => {
  let h: Harness
  let served: ServedHarness
  let base: string

  async function start(harness: Harness) {
    h = harness
    served = await serveLocally(h)
    base = served.base
  }
  afterEach(async () => {
    await served.close()
    await h.close()
  })

  async function upload(fill = 1, who = R1): Promise<string> {
    const response = await fetch(`${base}/api/upload/photo`, {
      method: 'POST',
      headers: { 'X-Dev-User': who, 'content-type': 'image/jpeg' },
      body: new Uint8Array(jpeg(fill)),
    })
    const body = (await response.json()) as { ok: boolean; data?: { fileId: string } }
    expect(body.ok).toBe(true)
    return body.data!.fileId
  }
  const uploads = () => h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS)
  const stored = async (fileId: string) => (await h.files.read(fileId)) !== null

  it('an abandoned upload is kept for 24 hours, then the file and its record are deleted', async () => {
    await start(await createHarness())
    const fileId = await upload()
    expect(await uploads().get(fileId)).toMatchObject({ ownerId: R1, status: 'pending', createdAt: '2026-11-23T02:00:00.000Z' })

    h.clock.advance(24 * HOUR - 60_000)
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    expect(await stored(fileId)).toBe(true)

    h.clock.advance(2 * 60_000)
    // Through the timer's entry point, as production runs it.
    expect((await runScheduledJobs(h.deps)).photoCleanup).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
    expect(await stored(fileId)).toBe(false)
    expect(await uploads().count({})).toBe(0)

    // A second run changes nothing more; submitting the photo now is refused.
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    expect(refusal(await h.call(R1, 'case.submit', { ...validOpinion, photos: [fileId] }))).toEqual({
      code: 'INVALID_INPUT',
      message: '第1张照片：照片没有上传成功或已失效，请重新上传',
    })
  })

  it('the age is configurable', async () => {
    await start(await createHarness({ config: { photoUploadMaxAgeHours: 2 } }))
    const fileId = await upload()
    h.clock.advance(2 * HOUR + 1)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
    expect(await stored(fileId)).toBe(false)
  })

  it('a submitted photo is never deleted, hidden or not; only the one removed from the form goes', async () => {
    await start(await createHarness())
    const [kept, hiddenLater, removedFromForm] = [await upload(1), await upload(2), await upload(3)]
    const { id } = await h.ok(R1, 'case.submit', { ...validOpinion, photos: [kept, hiddenLater] })
    // Submitting took both off the timer's list.
    expect((await uploads().find({})).map((u) => u._id)).toEqual([removedFromForm])
    await h.ok(STAFF, 'case.hidePhoto', { caseId: id, photoId: 'p2', reason: '含他人车牌' })

    h.clock.advance(48 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
    expect([await stored(kept), await stored(hiddenLater), await stored(removedFromForm)]).toEqual([true, true, false])
    // Staff still see the hidden one (audit trail), the resident still sees the other.
    const staffView = await h.ok(STAFF, 'case.get', { caseId: id })
    expect(staffView.photos.map((p) => [p.id, p.hidden])).toEqual([
      ['p1', false],
      ['p2', true],
    ])
    const served = await fetch(`${base}${staffView.photos[1].url}`)
    expect(served.status).toBe(200)
    expect((await h.ok(R1, 'case.get', { caseId: id })).photos.map((p) => p.id)).toEqual(['p1'])
  })

  it('a crash after the case was inserted but before its photos were forgotten keeps the photo', async () => {
    let failForget = true
    const store = await hookedStore({
      before: (collection, method) => {
        // The submit dies right after inserting the case: the photo's record stays behind.
        if (failForget && collection === PHOTO_UPLOADS && method === 'remove') throw new Error('connection lost')
      },
    })
    await start(await createHarness({ store }))
    const fileId = await upload()
    const { id } = await h.ok(R1, 'case.submit', { ...validOpinion, photos: [fileId] })
    expect((await caseDoc(h, id)).photos?.map((p) => p.fileId)).toEqual([fileId])
    expect(await uploads().get(fileId)).toMatchObject({ status: 'attaching' })
    failForget = false

    // Also a record still `pending`, as if the submit had died even before reserving it.
    await uploads().update({ _id: fileId }, { set: { status: 'pending' } })
    h.clock.advance(25 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 0, keptInCase: 1, failed: 0 })
    expect(await stored(fileId)).toBe(true)
    expect(await uploads().count({})).toBe(0)
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    expect((await h.ok(R1, 'case.get', { caseId: id })).photos).toHaveLength(1)
  })

  it('a submit that is still attaching its photos is left alone; one that died is sorted out after an hour', async () => {
    let failForget = true
    const store = await hookedStore({
      before: (collection, method) => {
        if (failForget && collection === PHOTO_UPLOADS && method === 'remove') throw new Error('connection lost')
      },
    })
    await start(await createHarness({ store }))
    const fileId = await upload()
    h.clock.advance(24 * HOUR)
    // The resident kept the form open all day and submits now; the forgetting fails.
    const { id } = await h.ok(R1, 'case.submit', { ...validOpinion, photos: [fileId] })
    failForget = false
    h.clock.advance(30 * 60_000)
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    h.clock.advance(31 * 60_000)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 0, keptInCase: 1, failed: 0 })
    expect(await stored(fileId)).toBe(true)
    expect((await caseDoc(h, id)).photos).toHaveLength(1)
  })

  it('a submit that failed before its case existed puts its photos back, and they expire as usual', async () => {
    await start(await createHarness({ config: { dailySubmissionLimit: 1 } }))
    await h.ok(R1, 'case.submit', validOpinion)
    const fileId = await upload()
    expect(refusal(await h.call(R1, 'case.submit', { ...validOpinion, photos: [fileId] })).code).toBe('RATE_LIMITED')
    expect(await uploads().get(fileId)).toMatchObject({ status: 'pending' })
    h.clock.advance(24 * HOUR + 1)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
  })

  it('a photo the timer is deleting cannot be submitted', async () => {
    await start(await createHarness())
    const fileId = await upload()
    await uploads().update({ _id: fileId }, { set: { status: 'deleting', claimedAt: h.clock.now().toISOString() } })
    expect(refusal(await h.call(R1, 'case.submit', { ...validOpinion, photos: [fileId] }))).toEqual({
      code: 'INVALID_INPUT',
      message: '第1张照片：照片没有上传成功或已失效，请重新上传',
    })
    expect(await h.store.collection('cases').count({})).toBe(0)
  })

  it('two runs at once delete each file once; a file already gone counts as deleted', async () => {
    await start(await createHarness())
    const ids = [await upload(1), await upload(2), await upload(3)]
    fs.rmSync(fileOnDisk(h, ids[2]))
    h.clock.advance(25 * HOUR)
    const [a, b] = await Promise.all([runPhotoCleanupJob(h.deps), runPhotoCleanupJob(h.deps)])
    expect(a.deleted + b.deleted).toBe(3)
    expect(a.failed + b.failed + a.keptInCase + b.keptInCase).toBe(0)
    expect(await Promise.all(ids.map(stored))).toEqual([false, false, false])
    expect(await uploads().count({})).toBe(0)
  })

  it('a file the store cannot delete stays listed and is tried again after an hour', async () => {
    await start(await createHarness())
    const fileId = await upload()
    const remove = h.deps.fileStore.remove
    h.deps.fileStore.remove = async (fileIds) => ({ removed: [], failed: fileIds })
    h.clock.advance(25 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 0, keptInCase: 0, failed: 1 })
    expect(await uploads().get(fileId)).toMatchObject({ status: 'deleting' })
    h.deps.fileStore.remove = remove
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    h.clock.advance(HOUR + 1)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
    expect(await stored(fileId)).toBe(false)
  })
})

/** The local store keeps `local:<user>/<name>` under its root; found through the harness's folder. */
function fileOnDisk(h: Harness, fileId: string): string {
  const [user, name] = fileId.slice('local:'.length).split('/')
  const roots = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('minyi-uploads-'))
  for (const root of roots) {
    const candidate = path.join(os.tmpdir(), root, user, name)
    if (fs.existsSync(candidate)) return candidate
  }
  throw new Error(`no file for ${fileId} (${h.deps.clock.now().toISOString()})`)
}

describe('the local store removes files', () => {
  it('deletes under its root, counts a missing file as removed, refuses other references', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-remove-'))
    try {
      const files = createLocalFileStore({ root })
      const put = await files.put({ userId: 'u1', openid: 'o1' }, jpeg())
      if (!put.ok) throw new Error('not stored')
      expect(await files.remove([put.fileId, 'local:u1/0000.jpg', 'cloud://env.bucket/uploads/o1/a.jpg', 'local:../x.jpg'])).toEqual({
        removed: [put.fileId, 'local:u1/0000.jpg'],
        failed: ['cloud://env.bucket/uploads/o1/a.jpg', 'local:../x.jpg'],
      })
      expect(await files.read(put.fileId)).toBeNull()
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('photos in CloudBase storage (the adapter over a stand-in for node-sdk)', () => {
  const OPENID = 'oWx1a_resident-0001'
  const ENV = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000'

  function fakeStorage() {
    const files = new Set<string>()
    const calls = { metadata: 0, deleted: [] as string[][] }
    let failDelete = false
    const api: CloudStorageApi = {
      async getFileInfo({ fileList }) {
        return { fileList: fileList.map((fileID) => (files.has(fileID) ? { code: 'SUCCESS', fileID, size: 1000, mime: 'image/jpeg' } : { code: 'STORAGE_FILE_NONEXIST', fileID })) }
      },
      async getTempFileURL({ fileList }) {
        return { fileList: fileList.map((f) => ({ code: 'SUCCESS', fileID: typeof f === 'string' ? f : f.fileID, tempFileURL: 'https://example.invalid/x' })) }
      },
      async getUploadMetadata({ cloudPath }) {
        calls.metadata += 1
        return { requestId: 'r', data: { url: 'https://cos.invalid', fileId: `${ENV}/${cloudPath}` } } as { data: { fileId: string } }
      },
      async deleteFile({ fileList }) {
        if (failDelete) return { code: 'SYS_ERR', message: 'busy' }
        calls.deleted.push(fileList)
        // node-sdk answers each file with a code; one that is not there any more is NONEXIST.
        return { fileList: fileList.map((fileID) => ({ fileID, code: files.delete(fileID) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })) }
      },
    }
    return { api, files, calls, failDeletes: (on: boolean) => (failDelete = on) }
  }

  async function cloudHarness(storage: ReturnType<typeof fakeStorage>) {
    const h = await createHarness({ fileStore: createCloudbaseFileStore(storage.api) })
    const call = (action: string, input: unknown) =>
      h.api.handle({ action, input, requestId: `req-${Math.random().toString(36).slice(2, 12)}` }, { openid: OPENID })
    return { h, call }
  }

  it('the policy gives a fresh path per photo and remembers its file id; unsubmitted ones are deleted with deleteFile', async () => {
    const storage = fakeStorage()
    const { h, call } = await cloudHarness(storage)
    try {
      const answers = await Promise.all([call('photo.uploadPolicy', { ext: 'jpg' }), call('photo.uploadPolicy', { ext: 'png' }), call('photo.uploadPolicy', {})])
      const paths = answers.map((a) => (a.ok ? (a.data as { cloudPath: string }).cloudPath : a.error.message))
      expect(paths[0]).toMatch(new RegExp(`^uploads/${OPENID}/[0-9a-f]{32}\\.jpg$`))
      expect(paths[1]).toMatch(/\.png$/)
      expect(paths[2]).toMatch(/\.jpg$/)
      expect(new Set(paths).size).toBe(3)
      expect(answers[0]).toMatchObject({ ok: true, data: { mode: 'cloud', pathPrefix: `uploads/${OPENID}/`, uploadUrl: null } })
      expect(refusal(await call('photo.uploadPolicy', { ext: 'gif' }))).toMatchObject({ code: 'INVALID_INPUT', message: '只支持 JPG、PNG、WEBP 格式的照片' })
      const fileIds = paths.map((p) => `${ENV}/${p}`)
      const records = await h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS).find({}, { sort: [['_id', 1]] })
      expect(records.map((r) => [r._id, r.status])).toEqual([...fileIds].sort().map((id) => [id, 'pending']))

      // The mini-program uploads the first two; the third was never uploaded (the resident cancelled).
      storage.files.add(fileIds[0])
      storage.files.add(fileIds[1])
      const submitted = await call('case.submit', { ...validOpinion, photos: [fileIds[0]] })
      expect(submitted.ok).toBe(true)

      h.clock.advance(23 * HOUR)
      expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
      expect(storage.calls.deleted).toEqual([])

      h.clock.advance(2 * HOUR)
      expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 2, keptInCase: 0, failed: 0 })
      expect(storage.calls.deleted.flat().sort()).toEqual([fileIds[1], fileIds[2]].sort())
      expect([...storage.files]).toEqual([fileIds[0]])
      expect(await h.store.collection(PHOTO_UPLOADS).count({})).toBe(0)
      expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    } finally {
      await h.close()
    }
  })

  it('each path counts against the daily upload allowance (30, shared with the local route)', async () => {
    const storage = fakeStorage()
    const { h, call } = await cloudHarness(storage)
    try {
      for (let i = 0; i < 30; i += 1) expect((await call('photo.uploadPolicy', { ext: 'jpg' })).ok).toBe(true)
      expect(refusal(await call('photo.uploadPolicy', { ext: 'jpg' }))).toEqual({ code: 'RATE_LIMITED', message: '每人每天最多上传30张照片，请明天再试' })
      expect(await h.store.collection(PHOTO_UPLOADS).count({})).toBe(30)
      h.clock.advance(24 * HOUR)
      expect((await call('photo.uploadPolicy', { ext: 'jpg' })).ok).toBe(true)
    } finally {
      await h.close()
    }
  })

  it('when storage refuses to delete, the record stays and the next run after an hour tries again', async () => {
    const storage = fakeStorage()
    const { h, call } = await cloudHarness(storage)
    try {
      const policy = await call('photo.uploadPolicy', { ext: 'jpg' })
      const fileId = `${ENV}/${(policy as { data: { cloudPath: string } }).data.cloudPath}`
      storage.files.add(fileId)
      storage.failDeletes(true)
      h.clock.advance(25 * HOUR)
      expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 0, keptInCase: 0, failed: 1 })
      storage.failDeletes(false)
      h.clock.advance(HOUR + 1)
      expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 0, failed: 0 })
      expect(storage.files.size).toBe(0)
    } finally {
      await h.close()
    }
  })

  it('never deletes outside the uploads folder, and a file id it could not learn is not remembered', async () => {
    const storage = fakeStorage()
    const store = createCloudbaseFileStore(storage.api)
    expect(await store.remove([`${ENV}/deputies/photo.jpg`, 'local:u1/a.jpg'])).toEqual({ removed: [], failed: [`${ENV}/deputies/photo.jpg`, 'local:u1/a.jpg'] })
    expect(storage.calls.deleted).toEqual([])

    storage.api.getUploadMetadata = async () => {
      throw new Error('network')
    }
    const { h, call } = await cloudHarness(storage)
    try {
      const policy = await call('photo.uploadPolicy', { ext: 'jpg' })
      expect(policy).toMatchObject({ ok: true, data: { mode: 'cloud' } })
      expect(await h.store.collection(PHOTO_UPLOADS).count({})).toBe(0)
    } finally {
      await h.close()
    }
  })
})

describe('the same rules with the CloudBase database (node-sdk against the fake CloudBase endpoint)', () => {
  const cloud = useCloudbaseHarness()

  it('deletes the abandoned photo, keeps the submitted one and the one of a case whose submit died before forgetting it', async () => {
    const h = cloud.current()
    const uploads = h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS)
    // Setup without the HTTP route (tested above): store three photos and remember them as the route does.
    const ids: string[] = []
    for (const fill of [1, 2, 3]) {
      const put = await h.files.put({ userId: R1, openid: 'unused' }, jpeg(fill))
      if (!put.ok) throw new Error('not stored')
      await rememberUpload(h.deps, R1, put.fileId)
      ids.push(put.fileId)
    }
    const [abandoned, submitted, crashed] = ids
    await h.ok(R1, 'case.submit', { ...validOpinion, photos: [submitted] })
    const { id } = await h.ok(R1, 'case.submit', { ...validOpinion, content: '第二条意见，附一张照片。', photos: [crashed] })
    // As if the second submit had died between inserting its case and forgetting the photo.
    await uploads.insert({ _id: crashed, ownerId: R1, createdAt: h.clock.now().toISOString(), status: 'attaching', claimedAt: h.clock.now().toISOString() })
    expect((await uploads.find({}, { sort: [['_id', 1]] })).map((u) => u._id)).toEqual([abandoned, crashed].sort())

    h.clock.advance(25 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 1, failed: 0 })
    expect(await Promise.all(ids.map(async (f) => (await h.files.read(f)) !== null))).toEqual([false, true, true])
    expect(await uploads.count({})).toBe(0)
    expect(await runPhotoCleanupJob(h.deps)).toEqual(NOTHING)
    expect((await h.ok(R1, 'case.get', { caseId: id })).photos).toHaveLength(1)
  })
})
