// 代录: staff register an opinion for a resident who came in person (来访) or phoned (来电), with the
// resident's name and an optional phone. The case is created by the same rules as any other
// (createCase.ts). Until claimed it belongs to no WeChat user (`assisted-<case id>`); the printed
// 回执 carries a QR (`c=<claimCode>`) the resident scans to claim it, once: the claim is one
// conditional update on `{ _id, assisted.claimCode, assisted.claimedAt: null }`.
import { createHash } from 'node:crypto'
import { CHANNEL_LABELS, buildScene, formatChineseDateTime, type ParsedInput } from '@minyi/types'
import { actorLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import type { AssistedEntry, CaseDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { loadVisibleCase } from '../cases/loadCase'
import { checkCaseText, insertNewCase } from '../cases/createCase'
import { caseIdFor } from '../cases/submitCase'
import { recordAudit } from '../audit/recordAudit'

const CLAIM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** 12 characters from the request: a retry gets the same code; `c=` + 12 is well within WeChat's 32. */
export function claimCodeFor(caseId: string): string {
  const digest = createHash('sha256').update(`claim:${caseId}`).digest()
  return Array.from(digest.subarray(0, 12), (b) => CLAIM_ALPHABET[b % CLAIM_ALPHABET.length]).join('')
}

export function assistedOwnerId(caseId: string): string {
  return `assisted-${caseId}`
}

export async function registerAssisted(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'assisted.register'>,
  requestId: string,
): Promise<{ id: string; trackingNo: string; claimCode: string }> {
  if (!caller.stationIds.includes(input.stationId)) throw new DomainError('FORBIDDEN', '您只能为本人所在家站点的群众代录')
  const station = await deps.store.collection<StationDoc>('stations').get(input.stationId)
  if (!station) throw new DomainError('NOT_FOUND', '没有找到这个家站点')
  const id = caseIdFor(`assisted:${caller.userId}`, requestId)
  const claimCode = claimCodeFor(id)
  const contentCheck = await checkCaseText(deps, [input.content, input.place].filter(Boolean).join('\n'), caller.openid)
  const assisted: AssistedEntry = { residentName: input.residentName, claimCode, registeredBy: caller.userId, claimedAt: null, claimedBy: null }
  const { doc, created } = await insertNewCase(deps, {
    id,
    requestId,
    residentId: assistedOwnerId(id),
    stationId: station._id,
    deputyId: null,
    channel: input.channel,
    category: input.category,
    content: input.content,
    place: input.place ?? null,
    phoneSealed: input.phone ? deps.phoneVault.seal(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    phoneVisibleToDeputy: false,
    contentCheck,
    actor: { id: caller.userId, role: caller.role, label: actorLabel(caller) },
    note: `工作人员代录（${CHANNEL_LABELS[input.channel]}）`,
    extra: { assisted },
  })
  if (created) {
    // The audit names the case, never the resident (their name is personal data, erased on request).
    await recordAudit(deps, caller, requestId, {
      objectType: 'case',
      objectId: doc._id,
      objectLabel: doc.trackingNo,
      action: 'assisted.register',
      summary: `代录民意 ${doc.trackingNo}（${CHANNEL_LABELS[input.channel]}）`,
      before: null,
      after: { channel: input.channel, stationId: station._id, category: input.category },
    })
  }
  return { id: doc._id, trackingNo: doc.trackingNo, claimCode: doc.assisted?.claimCode ?? claimCode }
}

/** The printable 回执: tracking number, what was registered, where to ask, and the claim QR. */
export async function assistedReceipt(deps: Deps, caller: Caller, input: ParsedInput<'assisted.receipt'>) {
  const c = await loadVisibleCase(deps, caller, input.caseId)
  if (!c.assisted) throw new DomainError('INVALID_STATE', '这条民意不是代录的，没有回执')
  const station = await deps.store.collection<StationDoc>('stations').get(c.stationId)
  const qr = await deps.qrCode.make(buildScene({ kind: 'claim', code: c.assisted.claimCode }))
  const pdf = await deps.pdf.render({
    title: `民意回执 ${c.trackingNo}`,
    blocks: [
      { kind: 'heading', text: '民意登记回执', align: 'center' },
      { kind: 'text', text: station?.name ?? '', align: 'center' },
      { kind: 'space', height: 12 },
      { kind: 'text', text: `追踪编号：${c.trackingNo}`, size: 18, bold: true },
      { kind: 'text', text: `登记方式：工作人员代录（${CHANNEL_LABELS[c.channel]}）` },
      { kind: 'text', text: `登记时间：${formatChineseDateTime(c.createdAt)}` },
      { kind: 'text', text: `反映人：${c.assisted.residentName}${c.phoneMasked ? `　联系电话：${c.phoneMasked}` : ''}` },
      { kind: 'text', text: `反映内容：${c.content}` },
      { kind: 'space', height: 12 },
      { kind: 'image', png: qr.png, width: 160, align: 'center' },
      { kind: 'text', text: '用微信扫一扫上面的二维码，这条民意就会出现在小程序“我的”里，可以随时查看进展和答复。二维码只能认领一次。', align: 'center' },
      { kind: 'text', text: `咨询电话：${station?.contactPhone ?? ''}　办公时间：${station?.openHours ?? ''}`, align: 'center' },
    ],
  })
  return { fileName: `回执-${c.trackingNo}.pdf`, base64: pdf.toString('base64'), contentType: 'application/pdf' }
}

export async function claimAssisted(deps: Deps, caller: Caller, input: ParsedInput<'assisted.claim'>): Promise<{ id: string; trackingNo: string }> {
  const cases = deps.store.collection<CaseDoc>('cases')
  const [c] = await cases.find({ 'assisted.claimCode': input.code }, { limit: 1 })
  if (!c?.assisted) throw new DomainError('NOT_FOUND', '没有找到这张回执，请核对后再扫')
  if (c.assisted.claimedBy === caller.userId) return { id: c._id, trackingNo: c.trackingNo }
  if (c.assisted.claimedAt) throw new DomainError('INVALID_STATE', '这张回执已经被认领过了。如有疑问，请联系联络站工作人员')
  const at = deps.clock.now().toISOString()
  const won = await cases.update(
    { _id: c._id, 'assisted.claimCode': input.code, 'assisted.claimedAt': null },
    { set: { residentId: caller.userId, 'assisted.claimedAt': at, 'assisted.claimedBy': caller.userId, updatedAt: at } },
  )
  if (won !== 1) {
    const now = await cases.get(c._id)
    if (now?.assisted?.claimedBy === caller.userId) return { id: c._id, trackingNo: c.trackingNo }
    throw new DomainError('INVALID_STATE', '这张回执已经被认领过了。如有疑问，请联系联络站工作人员')
  }
  return { id: c._id, trackingNo: c.trackingNo }
}
