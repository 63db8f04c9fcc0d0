// Shared steps of the console's api tests: a snapshot of every stored document (what a refusal
// must leave alone) and a valid new station.
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import type { Harness } from '../support/apiHarness'
import { CHINESE, refusal } from './caseFixtures'

export const ADMIN = 'dev-admin-1'
export const HUBIN_STAFF = 'dev-staff-1'
export const CUIYUAN_STAFF = 'dev-staff-2'
export const STREET_OFFICE = 'dev-office-1'

export async function everything(h: Harness): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {}
  for (const name of COLLECTIONS) {
    if (name === 'requests') continue
    all[name] = await h.store.collection(name as CollectionName).find({}, { sort: [['_id', 1]], limit: 100_000 })
  }
  return all
}

/** Calls and expects a refusal in Chinese that wrote nothing; returns it. */
export async function refused(h: Harness, who: string, action: Parameters<Harness['call']>[1], input: unknown, code: string) {
  const before = await everything(h)
  const error = refusal(await h.call(who, action, input))
  expect({ action, code: error.code, message: error.message }).toEqual({ action, code, message: expect.stringMatching(CHINESE) })
  expect(await everything(h)).toEqual(before)
  return error
}

export const newStation = {
  name: '临江市滨湖区湖滨街道柳岸社区人大代表联络站',
  kind: 'station',
  regionId: 'region-hubin',
  code: 'LASQ',
  address: '滨湖区柳岸路6号柳岸社区服务中心一楼',
  openHours: '工作日 9:00–11:30，14:00–17:00',
  contactPhone: '0571-8765 6677',
  photos: ['/files/avatars/DB01.svg'],
  location: { latitude: 30.27, longitude: 120.15 },
}
