import type { Me } from '@minyi/types'
import { roleLabelOf } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import type { NotificationDoc, UserDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { presentStationSummary } from '../stations/presentStation'

export async function me(deps: Deps, caller: Caller): Promise<Me> {
  const stations = await stationsById(deps.store, caller.stationIds)
  const [unread, user] = await Promise.all([
    deps.store.collection<NotificationDoc>('notifications').count({ recipientId: caller.userId, read: false }),
    deps.store.collection<UserDoc>('users').get(caller.userId),
  ])
  return {
    id: caller.userId,
    role: caller.role,
    roleLabel: roleLabelOf(caller),
    name: caller.name,
    stations: [...stations.values()].map(presentStationSummary),
    deputyId: caller.deputyId,
    unreadNotifications: unread,
    office: caller.office ? { regionId: caller.office.regionId, level: caller.office.level, name: caller.office.name } : null,
    largeText: user?.preferences?.largeText ?? null,
  }
}
