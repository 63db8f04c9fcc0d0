// Shared steps for the api tests: submit a case as a resident, read the stored document, and
// stores that misbehave on purpose (a gate that holds writes until every racer has read, a
// collection whose insert fails once) so that races and crashes happen deterministically.
import type { ApiResponse, ErrorCode } from '@minyi/types'
import type { CaseDoc, NotificationDoc, RegionDoc, StationDoc, UnitDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import type { Collection, CollectionName, Store, StoredDoc } from '../../cloudfunctions/core/ports'
import { openNedbStore } from '../../cloudfunctions/core/adapters/embedded/nedbStore'
import { devOpenid } from '../../server/devIdentity'
import { validOpinion, type Harness } from '../support/apiHarness'

export async function submit(h: Harness, residentId = 'dev-resident-1', change: Record<string, unknown> = {}): Promise<string> {
  const { id } = await h.ok(residentId, 'case.submit', { ...validOpinion, ...change })
  return id
}

/** 分级负责 (graded transfer): the congress offices a case of a 湖滨街道 station goes through. */
export const STREET_OFFICE = 'dev-office-1' // 湖滨街道人大工委 黄志明
export const DISTRICT_OFFICE = 'dev-office-2' // 滨湖区人大常委会 何静
export const OTHER_STREET_OFFICE = 'dev-office-3' // 湖西街道人大工委 钱峰

/**
 * 转办 as it runs under graded transfer: the station forwards the case to 湖滨街道人大工委, which
 * assigns a street unit itself, or forwards it to 滨湖区人大常委会 for a district bureau. Returns the
 * office that holds it now (the one that records the unit's answer).
 */
export async function transferViaOffices(
  h: Harness,
  id: string,
  transfer: Record<string, unknown> = { unitId: 'unit-urban' },
  stationStaff = 'dev-staff-1',
): Promise<string> {
  const unit = await h.store.collection<UnitDoc>('units').get(String(transfer.unitId))
  await h.ok(stationStaff, 'case.forward', { caseId: id, note: '需要有关部门办理' })
  let holder = STREET_OFFICE
  if (unit?.regionId !== 'region-hubin') {
    await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
    holder = DISTRICT_OFFICE
  }
  await h.ok(holder, 'case.transfer', { caseId: id, ...transfer })
  return holder
}

export async function caseDoc(h: Harness, id: string): Promise<CaseDoc> {
  const c = await h.store.collection<CaseDoc>('cases').get(id)
  if (!c) throw new Error(`case ${id} is not stored`)
  return c
}

export function notificationsOf(h: Harness, recipientId: string): Promise<NotificationDoc[]> {
  return h.store.collection<NotificationDoc>('notifications').find({ recipientId }, { sort: [['createdAt', 1]], limit: 1000 })
}

/** The error of a refused answer; fails the test when the answer was ok. */
export function refusal(response: ApiResponse<unknown>): { code: ErrorCode; message: string; field?: string } {
  if (response.ok) throw new Error(`expected a refusal, got ${JSON.stringify(response.data).slice(0, 200)}`)
  return response.error
}

/** True when the text contains Chinese characters (a message a resident can read). */
export const CHINESE = /[\u4e00-\u9fa5]/

type Hooks = {
  /** Runs before the named collection's method; may wait or throw. */
  before?: (collection: CollectionName, method: keyof Collection<StoredDoc>, args: unknown[]) => Promise<void> | void
}

/** A store that calls hooks around the real embedded store's operations. */
export async function hookedStore(hooks: Hooks): Promise<Store> {
  const inner = await openNedbStore()
  return {
    collection<T extends StoredDoc>(name: CollectionName): Collection<T> {
      const real = inner.collection<T>(name)
      const wrap =
        <M extends keyof Collection<T>>(method: M) =>
        async (...args: unknown[]) => {
          await hooks.before?.(name, method, args)
          return (real[method] as (...a: unknown[]) => Promise<unknown>)(...args)
        }
      return {
        get: wrap('get'),
        find: wrap('find'),
        count: wrap('count'),
        insert: wrap('insert'),
        update: wrap('update'),
        remove: wrap('remove'),
      } as Collection<T>
    },
    close: () => inner.close(),
  }
}

/**
 * A store where the next update moving case `caseId` to 已答复 fails once (as a function timing out
 * half-way through a fan-out); `failNextReply(id)` arms it.
 */
export async function storeFailingOneReply(): Promise<{ store: Store; failNextReply: (caseId: string) => void }> {
  let failFor: string | null = null
  const store = await hookedStore({
    before: (collection, method, args) => {
      const [filter, update] = args as [Record<string, unknown>, { set?: Record<string, unknown> }]
      if (collection === 'cases' && method === 'update' && failFor && filter?._id === failFor && update?.set?.status === 'replied') {
        failFor = null
        throw new Error('the function timed out')
      }
    },
  })
  return { store, failNextReply: (caseId) => (failFor = caseId) }
}

/**
 * Holds every conditional status update of a case (`{ _id, status }`) until `racers` of them have
 * arrived, so that all racers have read the case in the same state before any of them writes.
 */
export function statusUpdateGate() {
  let racers = 0
  let waiting: Array<() => void> = []
  return {
    arm(count: number) {
      racers = count
      waiting = []
    },
    hooks: {
      before: async (collection: CollectionName, method: string, args: unknown[]) => {
        if (!racers || collection !== 'cases' || method !== 'update') return
        const filter = args[0] as Record<string, unknown>
        if (!('status' in filter)) return
        await new Promise<void>((resolve) => {
          waiting.push(resolve)
          const releaseAll = () => {
            racers = 0
            for (const release of waiting.splice(0)) release()
          }
          if (waiting.length === racers) releaseAll()
          // Never hang a test: a racer that was refused before writing must not hold the rest.
          else setTimeout(releaseAll, 1000).unref()
        })
      },
    } satisfies Hooks,
  }
}

/** A 人大机关 of another district (临湖区) and a station of it, for scope tests. */
export const OTHER_DISTRICT_ADMIN = 'other-admin'
export const OTHER_DISTRICT_STAFF = 'other-staff'

/** A second district with its own 人大机关, one station, its staff and the district's admin. */
export async function addOtherDistrict(h: Harness): Promise<void> {
  await h.store.collection<RegionDoc>('regions').insert({ _id: 'region-other', name: '临湖区', level: 'district', parentId: null, officeName: '临江市临湖区人大常委会' })
  await h.store.collection<StationDoc>('stations').insert({
    _id: 'station-other',
    code: 'LHJD',
    name: '临湖区人大代表之家',
    kind: 'home',
    regionId: 'region-other',
    address: '临湖路1号',
    openHours: '工作日',
    contactPhone: '0571-0000 0000',
    reception: { months: 'all', day: 15, start: '09:00', end: '11:00', label: '每月15日' },
  })
  const person = (_id: string, role: UserDoc['role'], stationIds: string[]): UserDoc => ({
    _id,
    openid: devOpenid(_id),
    role,
    name: role === 'admin' ? '临湖区人大常委会联络科' : '钱工作',
    stationIds,
    deputyId: null,
    regionId: 'region-other',
    credits: {},
    createdAt: '2026-01-01T00:00:00.000Z',
  })
  await h.store.collection<UserDoc>('users').insert(person(OTHER_DISTRICT_ADMIN, 'admin', []))
  await h.store.collection<UserDoc>('users').insert(person(OTHER_DISTRICT_STAFF, 'staff', ['station-other']))
}
