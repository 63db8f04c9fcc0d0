// A partner system (e.g. a 12345 platform) files a case with its API key through Open311
// `POST requests.json`: into the inbox of the station it names (`station_code`, a station of the
// key's district) or of the key's default station, under the partner's own id. The case id is
// derived from (key id, partner id), so any number of concurrent retries store exactly one case.
// Contact fields the partner sends are personal data: sealed (encrypted) like residents' phones,
// shown masked to staff, never published.
import { createHash } from 'node:crypto'
import type { Open311CreateInput } from '@minyi/types'
import { DomainError } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import { isServiceCode } from '../../domain/partners/publicCase'
import type { ApiKeyDoc, PartnerCaseFields } from '../../domain/partners/records'
import type { StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { checkCaseText, insertNewCase } from '../cases/createCase'
import { stationOfDistrict } from './apiKeys'

export function partnerCaseId(keyId: string, partnerRequestId: string): string {
  return `pc_${createHash('sha256').update(`${keyId}:${partnerRequestId}`).digest('hex').slice(0, 24)}`
}

/** `张三` → `张*`: how staff see a contact name the partner sent. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : ''
}

export interface PartnerFiled {
  caseId: string
  trackingNo: string
  created: boolean
}

export async function fileForPartner(deps: Deps, key: ApiKeyDoc, input: Open311CreateInput): Promise<PartnerFiled> {
  if (!isServiceCode(input.service_code)) throw new DomainError('NOT_FOUND', `没有这个 service_code：${input.service_code}`)
  const id = partnerCaseId(key._id, input.partner_request_id)
  const stored = await deps.store.collection('cases').get(id)
  if (stored) return { caseId: id, trackingNo: (stored as unknown as { trackingNo: string }).trackingNo, created: false }

  let station: StationDoc
  if (input.station_code) {
    const [byCode] = await deps.store.collection<StationDoc>('stations').find({ code: input.station_code }, { limit: 1 })
    if (!byCode) throw new DomainError('INVALID_INPUT', `没有这个 station_code：${input.station_code}`)
    station = await stationOfDistrict(deps, key.regionId, byCode._id).catch(() => {
      throw new DomainError('INVALID_INPUT', 'station_code 不是本密钥所属区的家站点')
    })
  } else {
    station = await stationOfDistrict(deps, key.regionId, key.stationId)
  }

  const place = input.address_string ?? null
  const contentCheck = await checkCaseText(deps, [input.description, place].filter(Boolean).join('\n'), `partner:${key._id}`)
  const name = [input.last_name, input.first_name].filter(Boolean).join('')
  const partner: NonNullable<PartnerCaseFields['partner']> = {
    keyId: key._id,
    name: key.name,
    partnerRequestId: input.partner_request_id,
    contactNameSealed: name ? deps.phoneVault.seal(name) : null,
    contactNameMasked: name ? maskName(name) : null,
    emailSealed: input.email ? deps.phoneVault.seal(input.email) : null,
    lat: input.lat ?? null,
    long: input.long ?? null,
  }
  const { doc, created } = await insertNewCase(deps, {
    id,
    requestId: `partner-${key._id}-${input.partner_request_id}`.slice(0, 120),
    // No resident account: the partner answers its own caller; notices to this id are in-app only.
    residentId: `partner:${key._id}`,
    stationId: station._id,
    deputyId: null,
    channel: 'partner',
    category: input.service_code,
    content: input.description,
    place,
    phoneSealed: input.phone ? deps.phoneVault.seal(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    phoneVisibleToDeputy: false,
    contentCheck,
    actor: { id: null, role: 'system', label: `合作平台 ${key.name}` },
    note: `由合作平台「${key.name}」转来，对方编号 ${input.partner_request_id}`,
    extra: { partner },
  })
  if (created) {
    await deps.store
      .collection<ApiKeyDoc>('api_keys')
      .update({ _id: key._id }, { inc: { casesFiled: 1 }, set: { lastUsedAt: deps.clock.now().toISOString() } })
  }
  return { caseId: id, trackingNo: doc.trackingNo, created }
}
