// Station and deputy posters (民意码 / 代表码 海报): one A4 page described as blocks for the PDF port,
// and the first page as a PNG preview for the console. Design (docs/accounts-and-invitations.md):
// the QR code prints sharp and large; each deputy appears with their photo cropped to a disc when
// they have an uploaded PNG/JPEG portrait (the console's upload, application/admin/publicPhotos.ts),
// otherwise as a vector disc with their surname (the demo portraits are exactly that picture), with
// their name under it. So the PDF's images are the QR plus one per deputy with a photo. Delivered as
// base64 in the answer: one poster is well under the size of a response.
import { DEPUTY_LEVEL_LABELS, STATION_KIND_LABELS, buildScene, type PosterView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, RegionDoc, StationDoc } from '../../domain/records'
import type { PdfBlock, PdfDocumentSpec } from '../../ports/pdf'
import type { Deps } from '../deps'
import { stationReception } from '../reception/stationReception'
import { regionChain, stationsById } from '../shared/lookups'
import { isUploadedPhoto } from '../admin/publicPhotos'

export const POSTER_SLOGAN = '扫码反映民意 · 预约民情接待日'
const DISC_COLOURS = ['#b23a3a', '#2f6f9f', '#3f7f4f', '#8a5a2b', '#6a4c93', '#1f7a7a']
const PREVIEW_WIDTH = 620

function discColour(seed: string): string {
  return DISC_COLOURS[[...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % DISC_COLOURS.length]
}

/** PNG or JPEG by content: what both the PDF and the preview can draw (WEBP is not). */
const drawable = (b: Buffer) => (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)

/** The deputy's uploaded portrait if it can be drawn, else null (the initials disc). */
async function portrait(deps: Deps, d: DeputyDoc): Promise<Buffer | null> {
  if (!isUploadedPhoto(d.photoUrl) || !deps.fileStore.read) return null
  try {
    const stored = await deps.fileStore.read(d.photoUrl)
    return stored && drawable(stored.bytes) ? stored.bytes : null
  } catch (error) {
    deps.log('a deputy portrait could not be read for a poster', { deputyId: d._id, error: String(error) })
    return null
  }
}

async function badge(deps: Deps, d: DeputyDoc) {
  const photo = await portrait(deps, d)
  return { initial: [...d.name][0] ?? '代', color: discColour(d.code), caption: d.name, ...(photo && { photo }) }
}

function dayLine(date: string, weekday: string | null, start: string, end: string): string {
  const [, m, day] = date.split('-')
  return `${Number(m)}月${Number(day)}日${weekday ? ` ${weekday}` : ''} ${start}–${end}`
}

/** The next reception days of a station, as lines ("12月20日 周日 09:00–11:30"), or its rule. */
async function receptionLines(deps: Deps, station: StationDoc): Promise<string[]> {
  const reception = await stationReception(deps, station)
  const scheduled = reception.upcoming.filter((o) => o.status === 'scheduled')
  if (scheduled.length) return scheduled.map((o) => dayLine(o.date, o.weekday, o.start, o.end))
  if (reception.next) return [dayLine(reception.next.date, null, reception.next.start, reception.next.end)]
  return reception.rule ? [reception.rule] : []
}

async function deliver(deps: Deps, spec: PdfDocumentSpec, fileName: string, lines: string[]): Promise<PosterView> {
  const [pdf, png] = await Promise.all([deps.pdf.render(spec), deps.pdf.preview(spec, { width: PREVIEW_WIDTH })])
  return { title: spec.title, fileName, pdfBase64: pdf.toString('base64'), previewDataUrl: `data:image/png;base64,${png.toString('base64')}`, lines }
}

export async function stationPoster(deps: Deps, caller: Caller, stationId: string): Promise<PosterView> {
  const station = await deps.store.collection<StationDoc>('stations').get(stationId)
  if (!station || !caller.stationIds.includes(station._id)) throw new DomainError('NOT_FOUND', '没有找到这个家站点，或您无权打印它的海报')
  const deputies = (await deps.store.collection<DeputyDoc>('deputies').find({ stationIds: station._id }, { sort: [['name', 1]], limit: 200 }))
    .sort((a, b) => Number(b.headOf.includes(station._id)) - Number(a.headOf.includes(station._id)))
  const chain: RegionDoc[] = await regionChain(deps.store, station.regionId)
  const days = await receptionLines(deps, station)
  const { png: qr } = await deps.qrCode.make(buildScene({ kind: 'station', code: station.code }))
  const blocks: PdfBlock[] = [
    { kind: 'text', text: chain[0]?.officeName ?? '', size: 13, align: 'center', color: '#555555' },
    { kind: 'heading', text: station.name, size: 26, align: 'center' },
    { kind: 'text', text: `${STATION_KIND_LABELS[station.kind]} · 民意码`, size: 14, align: 'center', color: '#b23a3a' },
    { kind: 'space', height: 4 },
    { kind: 'image', png: qr, width: 230, align: 'center' },
    { kind: 'text', text: POSTER_SLOGAN, size: 20, bold: true, align: 'center' },
    { kind: 'space', height: 4 },
    { kind: 'text', text: '近期民情接待日', size: 14, bold: true, align: 'center' },
    ...days.map((line): PdfBlock => ({ kind: 'text', text: line, size: 13, align: 'center' })),
  ]
  if (deputies.length) {
    blocks.push({ kind: 'space', height: 4 }, { kind: 'text', text: '本站人大代表', size: 14, bold: true, align: 'center' })
    blocks.push({ kind: 'badges', items: await Promise.all(deputies.map((d) => badge(deps, d))), size: 52 })
  }
  blocks.push(
    { kind: 'text', text: `地址：${station.address}`, size: 10, align: 'center', color: '#555555' },
    { kind: 'text', text: `开放时间：${station.openHours}    电话：${station.contactPhone}`, size: 10, align: 'center', color: '#555555' },
  )
  const title = `${station.name}民意码海报`
  const lines = [station.name, POSTER_SLOGAN, ...days, ...deputies.map((d) => d.name)]
  return deliver(deps, { title, blocks }, `${station.name}-民意码海报.pdf`, lines)
}

export async function deputyPoster(deps: Deps, caller: Caller, deputyId: string): Promise<PosterView> {
  const deputy = await deps.store.collection<DeputyDoc>('deputies').get(deputyId)
  if (!deputy || !deputy.stationIds.some((id) => caller.stationIds.includes(id))) throw new DomainError('NOT_FOUND', '没有找到这位代表，或您无权打印他的海报')
  const stations = await stationsById(deps.store, deputy.stationIds)
  const own = deputy.stationIds.map((id) => stations.get(id)).filter((s): s is StationDoc => !!s)
  const days: string[] = []
  for (const station of own.slice(0, 2)) {
    for (const line of (await receptionLines(deps, station)).slice(0, 2)) days.push(`${station.name} ${line}`)
  }
  const { png: qr } = await deps.qrCode.make(buildScene({ kind: 'deputy', code: deputy.code }))
  const blocks: PdfBlock[] = [
    { kind: 'text', text: `${DEPUTY_LEVEL_LABELS[deputy.level]}人大代表`, size: 14, align: 'center', color: '#555555' },
    { kind: 'badges', items: [await badge(deps, deputy)], size: 76 },
    { kind: 'heading', text: `${deputy.name} 代表`, size: 26, align: 'center' },
    { kind: 'text', text: '代表码', size: 14, align: 'center', color: '#b23a3a' },
    { kind: 'image', png: qr, width: 220, align: 'center' },
    { kind: 'text', text: POSTER_SLOGAN, size: 20, bold: true, align: 'center' },
    { kind: 'space', height: 4 },
    ...(days.length ? [{ kind: 'text', text: '近期民情接待日', size: 14, bold: true, align: 'center' } as PdfBlock] : []),
    ...days.map((line): PdfBlock => ({ kind: 'text', text: line, size: 12, align: 'center' })),
    ...(deputy.commitment ? [{ kind: 'text', text: `履职承诺：${deputy.commitment}`, size: 11, align: 'center', color: '#555555' } as PdfBlock] : []),
    { kind: 'text', text: `所在家站点：${own.map((s) => s.name).join('、')}`, size: 10, align: 'center', color: '#555555' },
  ]
  const title = `${deputy.name}代表码海报`
  return deliver(deps, { title, blocks }, `${deputy.name}-代表码海报.pdf`, [deputy.name, POSTER_SLOGAN, ...days])
}
