// Photos: a resident attaches up to 3 (JPEG/PNG/WEBP, ≤ 2 MB each after the device compressed
// them). Locally they are uploaded to the local runtime and stored under DATA_DIR; in production the
// mini-program uploads to CloudBase storage under its openid and the submit checks the path. Access
// to a photo is access to its case; staff can hide one (an event; afterwards only staff and admins
// of the station see it, flagged).
import { PHOTO_MAX_BYTES } from '@minyi/types'
import { createCloudbaseFileStore, ownsCloudFile, type CloudStorageApi } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseFileStore'
import { sniffImageType } from '../../cloudfunctions/core/adapters/local/localFileStore'
import type { CounterDoc } from '../../cloudfunctions/core/domain/records'
import { firstFilePart } from '../../server/photoRoutes'
import { serveLocally, type ServedHarness } from '../support/localServer'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { caseDoc, refusal } from './caseFixtures'

const R1 = 'dev-resident-1'
const R2 = 'dev-resident-2'
const STAFF = 'dev-staff-1'

const jpeg = (size = 2000, fill = 1) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size, fill)])
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1500, 2)])
const webp = () => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBP'), Buffer.alloc(1200, 3)])

describe('photos through the local runtime', () => {
  let h: Harness
  let served: ServedHarness
  let base: string

  beforeEach(async () => {
    h = await createHarness()
    served = await serveLocally(h)
    base = served.base
  })
  afterEach(async () => {
    await served.close()
    await h.close()
  })

  async function upload(body: Buffer | FormData, who: string | null = R1, contentType = 'image/jpeg') {
    const headers: Record<string, string> = who ? { 'X-Dev-User': who } : {}
    if (!(body instanceof FormData)) headers['content-type'] = contentType
    const response = await fetch(`${base}/api/upload/photo`, { method: 'POST', headers, body: body instanceof FormData ? body : new Uint8Array(body) })
    return { status: response.status, body: (await response.json()) as { ok: boolean; data?: { fileId: string; size: number; contentType: string }; error?: { code: string; message: string } } }
  }
  async function uploaded(bytes: Buffer, who = R1): Promise<string> {
    const { status, body } = await upload(bytes, who)
    expect(status).toBe(200)
    return body.data!.fileId
  }
  const fetchPhoto = (url: string) => fetch(`${base}${url}`)

  it('a resident uploads three photos (raw and multipart), submits, and sees them on the case page', async () => {
    const first = await upload(jpeg())
    expect(first).toMatchObject({ status: 200, body: { ok: true, data: { contentType: 'image/jpeg', size: 2004 } } })
    expect(first.body.data!.fileId).toMatch(/^local:dev-resident-1\/[0-9a-f]{32}\.jpg$/)
    const form = new FormData()
    form.append('file', new Blob([png()], { type: 'image/png' }), 'photo.png')
    const second = await upload(form)
    expect(second.body.data).toMatchObject({ contentType: 'image/png', size: png().length })
    const third = await uploaded(webp())

    const photos = [first.body.data!.fileId, second.body.data!.fileId, third]
    const { id } = await h.ok(R1, 'case.submit', { ...validOpinion, photos })
    expect((await caseDoc(h, id)).photos?.map((p) => [p.id, p.fileId, p.contentType])).toEqual([
      ['p1', photos[0], 'image/jpeg'],
      ['p2', photos[1], 'image/png'],
      ['p3', photos[2], 'image/webp'],
    ])
    const view = await h.ok(R1, 'case.get', { caseId: id })
    expect(view.photos.map((p) => [p.id, p.hidden])).toEqual([
      ['p1', false],
      ['p2', false],
      ['p3', false],
    ])
    const answers = await Promise.all(view.photos.map((p) => fetchPhoto(p.url!)))
    expect(answers.map((r) => [r.status, r.headers.get('content-type')])).toEqual([
      [200, 'image/jpeg'],
      [200, 'image/png'],
      [200, 'image/webp'],
    ])
    expect(Buffer.from(await answers[1].arrayBuffer())).toEqual(png())
    expect(answers[0].headers.get('x-content-type-options')).toBe('nosniff')
    // Staff of the station and its deputies see them too.
    expect((await h.ok(STAFF, 'case.get', { caseId: id })).photos).toHaveLength(3)
    expect((await h.ok('dev-deputy-1', 'case.get', { caseId: id })).photos).toHaveLength(3)
  })

  it.each([
    ['a text file', Buffer.from('这不是图片，是一段文字。'), 415, '只支持 JPG、PNG、WEBP 格式的照片'],
    ['an image over 2 MB', jpeg(PHOTO_MAX_BYTES), 413, '每张照片不能超过2MB，请压缩后再上传'],
    ['an empty body', Buffer.alloc(0), 400, '请选择要上传的照片'],
  ])('uploading %s is refused in Chinese and stores nothing', async (_what, bytes, status, message) => {
    const answer = await upload(bytes)
    expect(answer).toEqual({ status, body: { ok: false, error: { code: 'INVALID_INPUT', message } } })
    // The allowance is given back: nothing was stored.
    const counters = await h.store.collection<CounterDoc>('counters').find({ _id: { $in: ['allowance:upload:dev-resident-1:2026-11-23'] } })
    expect(counters.every((c) => c.value === 0)).toBe(true)
  })

  it('only a signed-in resident may upload (or a supervising deputy, or the console: tests/api/adminPhotos.test.ts)', async () => {
    expect(await upload(jpeg(), null)).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
    expect(await upload(jpeg(), 'dev-deputy-1')).toEqual({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: '只有群众提交民意、监督代表登记民生实事视察、管理台编辑家站点和代表照片时可以上传照片' } } })
  })

  it('the upload policy tells the page how to upload', async () => {
    expect(await h.ok(R1, 'photo.uploadPolicy')).toEqual({
      mode: 'local',
      uploadUrl: '/api/upload/photo',
      pathPrefix: null,
      cloudPath: null,
      maxCount: 3,
      maxBytes: 2 * 1024 * 1024,
      contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
    })
    expect(refusal(await h.call('dev-deputy-1', 'photo.uploadPolicy')).code).toBe('FORBIDDEN')
  })

  describe('submitting with photos that are not acceptable: a Chinese message, nothing written', () => {
    async function refused(photos: unknown, expected: { message: string; field?: string }) {
      const before = await h.store.collection('cases').count({})
      const error = refusal(await h.call(R1, 'case.submit', { ...validOpinion, photos }))
      expect(error).toEqual({ code: 'INVALID_INPUT', ...expected })
      expect(await h.store.collection('cases').count({})).toBe(before)
      const [allowance] = await h.store.collection<CounterDoc>('counters').find({ _id: 'allowance:submit:dev-resident-1:2026-11-23' })
      expect(allowance?.value ?? 0).toBe(0)
    }

    it('more than three', async () => {
      const ids = [await uploaded(jpeg()), await uploaded(jpeg(100, 5)), await uploaded(png()), await uploaded(webp())]
      await refused(ids, { message: '最多上传3张照片', field: 'photos' })
    })
    it('the same photo twice', async () => {
      const one = await uploaded(jpeg())
      await refused([one, one], { message: '同一张照片不能重复添加', field: 'photos' })
    })
    it('not a photo reference', async () => {
      await refused(['https://example.com/a.jpg'], { message: '照片格式不正确，请重新上传', field: 'photos.0' })
      await refused('local:dev-resident-1/a.jpg', { message: '照片格式不正确，请重新上传', field: 'photos' })
    })
    it("another resident's upload", async () => {
      const theirs = await uploaded(jpeg(), R2)
      await refused([theirs], { message: '第1张照片：照片不是您本人上传的，请重新上传' })
    })
    it('an upload that does not exist', async () => {
      const real = await uploaded(jpeg())
      await refused([real, 'local:dev-resident-1/0123456789abcdef0123456789abcdef.png'], { message: '第2张照片：照片没有上传成功或已失效，请重新上传' })
    })
  })

  describe('access to a photo is access to its case', () => {
    async function caseWithPhotos() {
      const photos = [await uploaded(jpeg()), await uploaded(png()), await uploaded(webp())]
      return (await h.ok(R1, 'case.submit', { ...validOpinion, photos })).id
    }

    it('nobody else gets an address; a changed or expired address is refused', async () => {
      const id = await caseWithPhotos()
      expect(refusal(await h.call(R2, 'case.get', { caseId: id })).code).toBe('NOT_FOUND')
      expect(refusal(await h.call('dev-staff-2', 'case.get', { caseId: id })).code).toBe('NOT_FOUND')
      expect(refusal(await h.call('dev-deputy-3', 'case.get', { caseId: id })).code).toBe('NOT_FOUND')

      const url = (await h.ok(R1, 'case.get', { caseId: id })).photos[0].url!
      expect((await fetchPhoto(url)).status).toBe(200)
      // Someone else's id in the address: the signature no longer matches.
      const r2Id = (await h.ok(R2, 'session.me')).id
      expect((await fetchPhoto(url.replace(/v=[^&]+/, `v=${r2Id}`))).status).toBe(403)
      expect((await fetchPhoto(url.replace(/s=[^&]+/, 's=AAAA'))).status).toBe(403)
      expect((await fetchPhoto(url.replace('/p1?', '/p2?'))).status).toBe(403)
      expect((await fetchPhoto(`/files/photos/${id}/p1`)).status).toBe(403)
      // Addresses expire (10 minutes), like CloudBase temp URLs.
      h.clock.advance(11 * 60_000)
      expect((await fetchPhoto(url)).status).toBe(403)
      expect((await fetchPhoto((await h.ok(R1, 'case.get', { caseId: id })).photos[0].url!)).status).toBe(200)
    })

    it('a resident who seconded the case follows its progress but not the photos', async () => {
      const id = await caseWithPhotos()
      const view = await h.ok(R2, 'case.second', { caseId: id, stationCode: 'HBJD' })
      expect(view.photos).toEqual([])
    })

    it('staff hide a photo: an event, gone for the resident and deputies, still flagged for staff', async () => {
      const id = await caseWithPhotos()
      const residentUrl = (await h.ok(R1, 'case.get', { caseId: id })).photos[1].url!
      h.clock.advance(60_000)
      const staffView = await h.ok(STAFF, 'case.hidePhoto', { caseId: id, photoId: 'p2', reason: '照片中有其他居民的面部' })
      expect(staffView.photos.map((p) => [p.id, p.hidden, p.hiddenReason])).toEqual([
        ['p1', false, null],
        ['p2', true, '照片中有其他居民的面部'],
        ['p3', false, null],
      ])
      expect(staffView.timeline.at(-1)).toMatchObject({
        type: 'photoHidden',
        label: '隐藏照片',
        actor: '联络站工作人员',
        note: '第2张照片：照片中有其他居民的面部',
      })
      const residentView = await h.ok(R1, 'case.get', { caseId: id })
      expect(residentView.photos.map((p) => p.id)).toEqual(['p1', 'p3'])
      expect(residentView.timeline.at(-1)).toMatchObject({ type: 'photoHidden', label: '隐藏照片' })
      expect((await h.ok('dev-deputy-1', 'case.get', { caseId: id })).photos.map((p) => p.id)).toEqual(['p1', 'p3'])
      expect((await h.ok('dev-admin-1', 'case.get', { caseId: id })).photos.map((p) => p.hidden)).toEqual([false, true, false])
      // An address handed out before it was hidden stops working for the resident, not for staff.
      expect((await fetchPhoto(residentUrl)).status).toBe(404)
      expect((await fetchPhoto(staffView.photos[1].url!)).status).toBe(200)
      // The record of the photo is kept (audit trail).
      expect((await caseDoc(h, id)).photos).toHaveLength(3)
    })

    it.each([
      ['again', STAFF, { photoId: 'p2' }, 'INVALID_STATE', '这张照片已经隐藏'],
      ['a photo that does not exist', STAFF, { photoId: 'p9' }, 'NOT_FOUND', '没有找到这张照片'],
      ['as a deputy', 'dev-deputy-1', {}, 'FORBIDDEN', '您的身份不能进行此操作'],
      ['as the resident', R1, {}, 'FORBIDDEN', '您的身份不能进行此操作'],
      ['as staff of another station', 'dev-staff-2', {}, 'NOT_FOUND', '没有找到这条民意，或您无权查看'],
      ['without a reason', STAFF, { reason: '' }, 'INVALID_INPUT', '隐藏原因至少需要2个字'],
    ])('hiding %s is refused and changes nothing', async (_what, who, change, code, message) => {
      const id = await caseWithPhotos()
      await h.ok(STAFF, 'case.hidePhoto', { caseId: id, photoId: 'p2', reason: '含他人隐私' })
      const before = await caseDoc(h, id)
      const error = refusal(await h.call(who, 'case.hidePhoto', { caseId: id, photoId: 'p1', reason: '含他人隐私', ...change }))
      expect(error).toMatchObject({ code, message })
      expect(await caseDoc(h, id)).toEqual(before)
    })
  })
})

describe('photos in CloudBase storage (the production adapter, over a stand-in for node-sdk)', () => {
  const OPENID = 'oWx1a_resident-0001'
  const OTHER = 'oWx1a_resident-0002'
  const ENV = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000'

  function fakeStorage(files: Record<string, { size: number; mime: string }>): CloudStorageApi & { asked: number } {
    const api = {
      asked: 0,
      async getFileInfo({ fileList }: { fileList: string[] }) {
        return {
          fileList: fileList.map((fileID) =>
            files[fileID] ? { code: 'SUCCESS', fileID, size: files[fileID].size, mime: files[fileID].mime } : { code: 'STORAGE_FILE_NONEXIST', fileID },
          ),
        }
      },
      async getTempFileURL({ fileList }: { fileList: Array<string | { fileID: string; maxAge?: number }> }) {
        api.asked += 1
        return {
          fileList: fileList.map((f) => {
            const fileID = typeof f === 'string' ? f : f.fileID
            return { code: 'SUCCESS', fileID, tempFileURL: `https://7072-prod.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?sign=x&t=${typeof f === 'string' ? 0 : f.maxAge}` }
          }),
        }
      },
      // Cleanup of unsubmitted uploads is tested in photoCleanup.test.ts.
      async getUploadMetadata({ cloudPath }: { cloudPath: string }) {
        return { data: { fileId: `${ENV}/${cloudPath}` } }
      },
      async deleteFile({ fileList }: { fileList: string[] }) {
        return { fileList: fileList.map((fileID) => ({ code: 'SUCCESS', fileID })) }
      },
    }
    return api
  }

  it('the path must be the caller\'s own folder, the file must exist and be a small image', async () => {
    const files = {
      [`${ENV}/uploads/${OPENID}/a1.jpg`]: { size: 150_000, mime: 'image/jpeg' },
      [`${ENV}/uploads/${OPENID}/big.jpg`]: { size: PHOTO_MAX_BYTES + 1, mime: 'image/jpeg' },
      [`${ENV}/uploads/${OPENID}/doc.png`]: { size: 1000, mime: 'application/pdf' },
      [`${ENV}/uploads/${OTHER}/b1.jpg`]: { size: 1000, mime: 'image/jpeg' },
    }
    const storage = fakeStorage(files)
    const h = await createHarness({ fileStore: createCloudbaseFileStore(storage) })
    const call = (action: string, input: unknown, openid = OPENID) =>
      h.api.handle({ action, input, requestId: `req-${Math.random().toString(36).slice(2, 12)}` }, { openid })
    try {
      expect(await call('photo.uploadPolicy', {})).toMatchObject({ ok: true, data: { mode: 'cloud', pathPrefix: `uploads/${OPENID}/`, uploadUrl: null } })
      const refusals: Array<[string, string]> = [
        [`${ENV}/uploads/${OTHER}/b1.jpg`, '第1张照片：照片不是您本人上传的，请重新上传'],
        [`${ENV}/uploads/${OPENID}/../${OTHER}/b1.jpg`, '第1张照片：照片不是您本人上传的，请重新上传'],
        [`${ENV}/uploads/${OPENID}/nothing.jpg`, '第1张照片：照片没有上传成功或已失效，请重新上传'],
        [`${ENV}/uploads/${OPENID}/big.jpg`, '第1张照片：每张照片不能超过2MB，请压缩后再上传'],
        [`${ENV}/uploads/${OPENID}/doc.png`, '第1张照片：只支持 JPG、PNG、WEBP 格式的照片'],
      ]
      for (const [fileId, message] of refusals) {
        expect(await call('case.submit', { ...validOpinion, photos: [fileId] })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
      }
      expect(await h.store.collection('cases').count({})).toBe(0)

      const submitted = await call('case.submit', { ...validOpinion, photos: [`${ENV}/uploads/${OPENID}/a1.jpg`] })
      if (!submitted.ok) throw new Error(submitted.error.message)
      const view = await call('case.get', { caseId: (submitted.data as { id: string }).id })
      expect(view).toMatchObject({ ok: true, data: { photos: [{ id: 'p1', url: `https://7072-prod.tcb.qcloud.la/uploads/${OPENID}/a1.jpg?sign=x&t=600`, hidden: false }] } })
      // Another resident gets no address at all.
      expect(await call('case.get', { caseId: (submitted.data as { id: string }).id }, OTHER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    } finally {
      await h.close()
    }
  })

  it('ownsCloudFile checks the folder exactly', () => {
    expect(ownsCloudFile(`${ENV}/uploads/${OPENID}/x.webp`, OPENID)).toBe(true)
    expect(ownsCloudFile(`${ENV}/uploads/${OPENID}/sub/x.jpg`, OPENID)).toBe(false)
    expect(ownsCloudFile(`${ENV}/uploads/${OPENID}x/x.jpg`, OPENID)).toBe(false)
    expect(ownsCloudFile(`${ENV}/other/${OPENID}/x.jpg`, OPENID)).toBe(false)
    expect(ownsCloudFile(`${ENV}/uploads/${OPENID}/x.gif`, OPENID)).toBe(false)
    expect(ownsCloudFile(`${ENV}/uploads/${OPENID}/x.jpg`, 'bad openid')).toBe(false)
  })
})

describe('small parts', () => {
  it('recognises images by their first bytes', () => {
    expect(sniffImageType(jpeg())).toBe('image/jpeg')
    expect(sniffImageType(png())).toBe('image/png')
    expect(sniffImageType(webp())).toBe('image/webp')
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull()
  })

  it('takes the file out of a multipart body', () => {
    const boundary = '----minyi1234'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg(10),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    expect(firstFilePart(body, `multipart/form-data; boundary=${boundary}`)).toEqual(jpeg(10))
    expect(firstFilePart(body, 'multipart/form-data')).toBeNull()
  })
})
