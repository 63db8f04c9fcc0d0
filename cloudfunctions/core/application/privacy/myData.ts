// 我的 → 个人信息 and 导出我的数据 (PIPL: the right to see and to copy), 撤回电话号码同意, 大字模式.
import { CATEGORY_LABELS, formatChineseDateTime, type MyData, type ParsedInput } from '@minyi/types'
import { roleLabelOf } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import type { CaseDoc, NotificationDoc, UserDoc } from '../../domain/records'
import type { BookingDoc, OccurrenceDoc } from '../../domain/reception/records'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { presentCaseSummary } from '../cases/presentCase'

const BOOKING_STATUS_LABELS: Record<BookingDoc['status'], string> = {
  pending: '待确认',
  booked: '已预约',
  waiting: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
  no_show: '未到场',
  expired: '已结束',
}

export const retentionMonthsOf = (deps: Deps) => deps.config.phoneRetentionMonths ?? 24

async function held(deps: Deps, caller: Caller) {
  const [user, cases, seconded, bookings, messages] = await Promise.all([
    deps.store.collection<UserDoc>('users').get(caller.userId),
    deps.store.collection<CaseDoc>('cases').find({ residentId: caller.userId }, { sort: [['createdAt', -1]], limit: 1000 }),
    deps.store.collection<CaseDoc>('cases').find({ seconderIds: caller.userId }, { sort: [['createdAt', -1]], limit: 1000 }),
    deps.store.collection<BookingDoc>('reception_bookings').find({ residentId: caller.userId }, { sort: [['createdAt', -1]], limit: 1000 }),
    deps.store.collection<NotificationDoc>('notifications').find({ recipientId: caller.userId }, { sort: [['createdAt', -1]], limit: 1000 }),
  ])
  return { user, cases, seconded, bookings, messages }
}

/** Every phone number the resident left, where it is held, with a key for revealing it. */
function phonesOf(h: Awaited<ReturnType<typeof held>>) {
  return [
    ...h.cases.filter((c) => c.phoneSealed).map((c) => ({ where: `民意 ${c.trackingNo}`, masked: c.phoneMasked ?? '', ref: `case:${c._id}`, sealed: c.phoneSealed as string })),
    ...h.bookings.filter((b) => b.phoneSealed).map((b) => ({ where: `接待日预约 ${b._id}`, masked: b.phoneMasked ?? '', ref: `booking:${b._id}`, sealed: b.phoneSealed as string })),
  ]
}

export async function myData(deps: Deps, caller: Caller): Promise<MyData> {
  const h = await held(deps, caller)
  const stations = await stationsById(deps.store, [...h.cases, ...h.seconded].map((c) => c.stationId).concat(h.bookings.map((b) => b.stationId)))
  const occIds = [...new Set(h.bookings.map((b) => b.occurrenceId))]
  const occs = occIds.length ? await deps.store.collection<OccurrenceDoc>('reception_occurrences').find({ _id: { $in: occIds } }, { limit: 1000 }) : []
  const occById = new Map(occs.map((o) => [o._id, o]))
  const consents: MyData['consents'] = [
    ...h.cases
      .filter((c) => !c.assisted)
      .map((c) => ({ label: `提交民意 ${c.trackingNo} 时同意《个人信息保护说明》`, at: c.createdAt, state: '已同意' })),
    ...h.cases
      .filter((c) => c.phoneSealed || c.phoneErasedAt)
      .map((c) => ({ label: `民意 ${c.trackingNo} 留下联系电话${c.phoneVisibleToDeputy ? '（允许代表查看）' : ''}`, at: c.createdAt, state: c.phoneSealed ? '有效' : '已删除' })),
    ...Object.entries(h.user?.credits ?? {})
      .filter(([, n]) => n > 0)
      .map(([template, n]) => ({ label: `微信订阅消息（${template}）剩余 ${n} 次`, at: h.user?.createdAt ?? '', state: '有效' })),
  ]
  if (h.user?.phoneConsentWithdrawnAt) consents.push({ label: '撤回电话号码的同意，已删除留下的全部电话', at: h.user.phoneConsentWithdrawnAt, state: '已撤回' })
  const phoneViews = h.cases
    .flatMap((c) => c.events.filter((e) => e.type === 'phoneRevealed').map((e) => ({ at: e.at, by: e.actorLabel, trackingNo: c.trackingNo })))
    .sort((a, b) => b.at.localeCompare(a.at))
  return {
    profile: {
      id: caller.userId,
      name: caller.name,
      roleLabel: roleLabelOf(caller),
      registeredAt: h.user?.createdAt ?? '',
      largeText: h.user?.preferences?.largeText ?? null,
    },
    phones: phonesOf(h).map(({ where, masked, ref }) => ({ where, masked, ref })),
    cases: h.cases.map((c) => presentCaseSummary(c, stations.get(c.stationId))),
    seconds: h.seconded.map((c) => ({ trackingNo: c.trackingNo, excerpt: Array.from(c.content).slice(0, 30).join(''), at: c.seconds?.[caller.userId]?.at ?? c.createdAt })),
    bookings: h.bookings.map((b) => {
      const occ = occById.get(b.occurrenceId)
      return { id: b._id, stationName: stations.get(b.stationId)?.name ?? '', date: occ ? `${occ.date} ${occ.start}` : '', status: BOOKING_STATUS_LABELS[b.status] ?? b.status, topic: b.topic }
    }),
    messages: h.messages.map((m) => ({ title: m.title, body: m.body, at: m.createdAt, read: m.read })),
    consents,
    phoneViews,
    retentionMonths: retentionMonthsOf(deps),
  }
}

/** The full numbers, after the resident confirmed once more on their phone. */
export async function revealMyPhone(deps: Deps, caller: Caller): Promise<{ phones: Array<{ ref: string; phone: string }> }> {
  const h = await held(deps, caller)
  return { phones: phonesOf(h).map((p) => ({ ref: p.ref, phone: deps.phoneVault.open(p.sealed) })) }
}

export async function exportMyData(deps: Deps, caller: Caller, input: ParsedInput<'privacy.export'>) {
  const data = await myData(deps, caller)
  const stamp = deps.clock.now().toISOString().slice(0, 10)
  if (input.format === 'json') {
    const json = JSON.stringify({ exportedAt: deps.clock.now().toISOString(), ...data }, null, 2)
    return { fileName: `我的数据-${stamp}.json`, base64: Buffer.from(json, 'utf8').toString('base64'), contentType: 'application/json' }
  }
  const when = (at: string) => (at ? formatChineseDateTime(at) : '')
  const table = (headers: Array<[string, number]>, rows: string[][]) =>
    rows.length ? { kind: 'table' as const, columns: headers.map(([header, width]) => ({ header, width })), rows } : { kind: 'text' as const, text: '（无）' }
  const pdf = await deps.pdf.render({
    title: '我的数据',
    blocks: [
      { kind: 'heading', text: '民意通 · 我的数据' },
      { kind: 'text', text: `导出时间：${when(deps.clock.now().toISOString())}` },
      { kind: 'text', text: `姓名：${data.profile.name}　身份：${data.profile.roleLabel}　注册时间：${when(data.profile.registeredAt)}` },
      { kind: 'heading', text: '电话号码（脱敏）', size: 14 },
      table([['保存在', 300], ['号码', 200]], data.phones.map((p) => [p.where, p.masked])),
      { kind: 'heading', text: '我反映的民意', size: 14 },
      table([['编号', 130], ['类别', 80], ['内容', 200], ['提交时间', 90]], data.cases.map((c) => [c.trackingNo, CATEGORY_LABELS[c.category], c.excerpt, when(c.createdAt)])),
      { kind: 'heading', text: '我附议的', size: 14 },
      table([['编号', 150], ['内容', 250], ['时间', 100]], data.seconds.map((s) => [s.trackingNo, s.excerpt, when(s.at)])),
      { kind: 'heading', text: '接待日预约', size: 14 },
      table([['家站点', 200], ['时间', 150], ['状态', 150]], data.bookings.map((b) => [b.stationName, b.date, b.status])),
      { kind: 'heading', text: '消息', size: 14 },
      table([['标题', 200], ['时间', 150], ['已读', 150]], data.messages.map((m) => [m.title, when(m.at), m.read ? '已读' : '未读'])),
      { kind: 'heading', text: '同意记录', size: 14 },
      table([['事项', 300], ['时间', 120], ['状态', 80]], data.consents.map((c) => [c.label, when(c.at), c.state])),
      { kind: 'heading', text: '工作人员查看我的电话的记录', size: 14 },
      table([['时间', 150], ['查看人', 200], ['民意编号', 150]], data.phoneViews.map((v) => [when(v.at), v.by, v.trackingNo])),
      { kind: 'text', text: `电话号码在民意办结 ${data.retentionMonths} 个月后自动删除。` },
    ],
  })
  return { fileName: `我的数据-${stamp}.pdf`, base64: pdf.toString('base64'), contentType: 'application/pdf' }
}

/** 撤回电话号码的同意: every number the resident left is deleted (sealed and masked); the rest stays. */
export async function withdrawPhone(deps: Deps, caller: Caller): Promise<{ removed: number }> {
  const at = deps.clock.now().toISOString()
  const removed =
    (await deps.store
      .collection<CaseDoc>('cases')
      .update({ residentId: caller.userId, phoneSealed: { $ne: null } }, { set: { phoneSealed: null, phoneMasked: null, phoneVisibleToDeputy: false } })) +
    (await deps.store
      .collection<BookingDoc>('reception_bookings')
      .update({ residentId: caller.userId, phoneSealed: { $ne: null } }, { set: { phoneSealed: null, phoneMasked: null } }))
  await deps.store.collection<UserDoc>('users').update({ _id: caller.userId }, { set: { phoneConsentWithdrawnAt: at } })
  return { removed }
}

export async function setPreferences(deps: Deps, caller: Caller, input: ParsedInput<'privacy.setPreferences'>): Promise<{ largeText: boolean }> {
  await deps.store.collection<UserDoc>('users').update({ _id: caller.userId }, { set: { 'preferences.largeText': input.largeText } })
  return { largeText: input.largeText }
}
