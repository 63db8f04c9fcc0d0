// Issue 7's follow-up: stations' and deputies' photos are uploaded in the console through the same
// photo mechanism as residents' (the upload route / `photo.uploadPolicy`, `photo_uploads`, the
// cleanup timer, the signed photo route), and they are public: shown on the station and deputy
// pages to anyone, while the station or deputy still shows them; the timer keeps them.
import { PHOTO_UPLOADS, type PhotoUploadDoc } from '../../cloudfunctions/core/application/cases/photoUploads'
import { runPhotoCleanupJob } from '../../cloudfunctions/core/jobs/photoCleanupJob'
import { serveLocally, type ServedHarness } from '../support/localServer'
import { createHarness, type Harness } from '../support/apiHarness'
import { ADMIN, CUIYUAN_STAFF, HUBIN_STAFF, newStation, refused } from './adminFixtures'
import { refusal } from './caseFixtures'

const HOUR = 3_600_000
const jpeg = (fill = 1) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, fill)])

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

async function upload(who: string, fill = 1) {
  const response = await fetch(`${base}/api/upload/photo`, { method: 'POST', headers: { 'X-Dev-User': who, 'content-type': 'image/jpeg' }, body: new Uint8Array(jpeg(fill)) })
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: { fileId: string } } }
}
async function uploaded(who: string, fill = 1): Promise<string> {
  const answer = await upload(who, fill)
  expect(answer.status).toBe(200)
  return answer.body.data!.fileId
}
const fetchPhoto = (url: string) => fetch(`${base}${url}`)
const uploads = () => h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS)

describe('station and deputy photos uploaded in the console', () => {
  it('the admin and station staff may upload; deputies (outside an inspection) may not', async () => {
    expect((await upload(ADMIN)).status).toBe(200)
    expect((await upload(HUBIN_STAFF)).status).toBe(200)
    expect((await upload('dev-office-1')).status).toBe(200)
    expect((await h.ok(ADMIN, 'photo.uploadPolicy', {})).mode).toBe('local')
    expect((await upload('dev-deputy-1')).status).toBe(403)
    expect(refusal(await h.call('dev-deputy-1', 'photo.uploadPolicy', {})).code).toBe('FORBIDDEN')
  })

  it('staff attach their own uploads to their station; the photo is public on the station page; someone else’s upload is refused and nothing written', async () => {
    const theirs = await uploaded(CUIYUAN_STAFF, 3)
    const bad = await refused(h, HUBIN_STAFF, 'admin.station.update', { stationId: 'station-hubin', photos: [theirs] }, 'INVALID_INPUT')
    expect(bad).toMatchObject({ message: '第1张照片：照片不是您本人上传的，请重新上传', field: 'photos' })

    const mine = await uploaded(HUBIN_STAFF, 2)
    const edited = await h.ok(HUBIN_STAFF, 'admin.station.update', { stationId: 'station-hubin', photos: [mine] })
    expect(edited.photos).toEqual([mine])
    expect(edited.photoUrls).toEqual([expect.stringContaining('/files/photos/station-hubin/p1?')])
    // Taken off the timer's list at once.
    expect(await uploads().get(mine)).toBeNull()

    // Anyone who opens the station sees it: a resident, a deputy, the staff of another station.
    for (const who of ['dev-resident-1', 'dev-deputy-2', CUIYUAN_STAFF]) {
      const [url] = (await h.ok(who, 'station.byCode', { code: 'HBJD' })).photos
      expect(url).toContain('/files/photos/station-hubin/p1?')
      const answer = await fetchPhoto(url!)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe('image/jpeg')
      expect(Buffer.from(await answer.arrayBuffer())).toEqual(jpeg(2))
    }
    // Not a forged address, not another position, and not once the station no longer shows it.
    const [url] = (await h.ok('dev-resident-1', 'station.byCode', { code: 'HBJD' })).photos
    expect((await fetchPhoto(url!.replace(/s=[^&]+/, 's=AAAA'))).status).toBe(403)
    expect((await fetchPhoto(url!.replace('/p1?', '/p2?'))).status).toBe(403)
    expect((await fetchPhoto(url!.replace('/station-hubin/', '/station-cuiyuan/'))).status).toBe(403)
    await h.ok(HUBIN_STAFF, 'admin.station.update', { stationId: 'station-hubin', photos: [] })
    expect((await fetchPhoto(url!)).status).toBe(404)
    // Taken off: back on the timer's list, deleted after a day.
    expect(await uploads().get(mine)).toMatchObject({ status: 'pending' })
    h.clock.advance(25 * HOUR)
    expect((await runPhotoCleanupJob(h.deps)).deleted).toBeGreaterThanOrEqual(1)
    expect(await h.files.read(mine)).toBeNull()
  })

  it('the admin uploads a new station’s photos and a deputy’s photo; the deputy page shows it', async () => {
    const stationPhoto = await uploaded(ADMIN, 4)
    const s = await h.ok(ADMIN, 'admin.station.create', { ...newStation, photos: [stationPhoto, '/files/avatars/DB01.svg'] })
    expect(s.photoUrls).toEqual([expect.stringContaining(`/files/photos/${s.id}/p1?`), '/files/avatars/DB01.svg'])

    const portrait = await uploaded(ADMIN, 5)
    const d = await h.ok(ADMIN, 'admin.deputy.update', { deputyId: 'deputy-1', photoUrl: portrait })
    expect(d).toMatchObject({ photoUrl: portrait, photoPreview: expect.stringContaining('/files/photos/deputy-1/photo?') })
    const card = await h.ok('dev-resident-1', 'deputy.byCode', { code: 'DB01' })
    expect(card.photoUrl).toContain('/files/photos/deputy-1/photo?')
    expect(Buffer.from(await (await fetchPhoto(card.photoUrl)).arrayBuffer())).toEqual(jpeg(5))
    const onStation = (await h.ok('dev-resident-1', 'station.byCode', { code: 'HBJD' })).deputies.find((x) => x.id === 'deputy-1')
    expect(onStation?.photoUrl).toContain('/files/photos/deputy-1/photo?')
    // The audit trail records the file id.
    const [entry] = (await h.ok(ADMIN, 'admin.audit.list', { objectType: 'deputy', objectId: 'deputy-1' })).entries
    expect(entry).toMatchObject({ action: 'update', after: { photoUrl: portrait } })
  })

  it('the cleanup timer keeps photos a station or deputy shows and deletes the abandoned ones', async () => {
    const shown = await uploaded(ADMIN, 6)
    const portrait = await uploaded(ADMIN, 7)
    const abandoned = await uploaded(ADMIN, 8)
    await h.ok(ADMIN, 'admin.station.update', { stationId: 'station-cuiyuan', photos: [shown] })
    await h.ok(ADMIN, 'admin.deputy.update', { deputyId: 'deputy-2', photoUrl: portrait })
    // A crash between the write and the forgetting leaves records behind: the timer must keep those files.
    const at = h.clock.now().toISOString()
    await uploads().insert({ _id: shown, ownerId: ADMIN, createdAt: at, status: 'pending', claimedAt: at })
    await uploads().insert({ _id: portrait, ownerId: ADMIN, createdAt: at, status: 'pending', claimedAt: at })
    h.clock.advance(25 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 2, failed: 0 })
    expect(await h.files.read(shown)).not.toBeNull()
    expect(await h.files.read(portrait)).not.toBeNull()
    expect(await h.files.read(abandoned)).toBeNull()
    expect(await uploads().count({})).toBe(0)
  })
})
