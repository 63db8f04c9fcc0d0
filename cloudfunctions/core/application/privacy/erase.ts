// 注销并删除: what the resident is told before confirming (src/packageMine/pages/my-data) is what
// happens here, in this order:
// 1. future reception bookings are cancelled by the booking rules (a waiting resident moves up);
// 2. photos the resident uploaded are deleted (they may show the person or their home);
// 3. every collection is scrubbed (erasers.ts): phone numbers, name, openid gone, the user id
//    replaced by an anonymous id, the user document, messages and push log removed.
// The cases stay as anonymous public records, content unchanged and still moderated.
// Calling it again (a retry, or the same WeChat user coming back) erases the fresh empty account
// that opening the app created, and answers the same.
import type { Caller } from '../../domain/caller'
import type { CaseDoc, UserDoc } from '../../domain/records'
import type { BookingDoc } from '../../domain/reception/records'
import type { Deps } from '../deps'
import { cancelBooking } from '../reception/booking'
import { eraseEverywhere, type ErasureSubject } from './erasers'

/** Placeholder names that identify nobody (a first visit's default). */
const PLACEHOLDER_NAMES = new Set(['微信用户', '群众'])

export async function subjectOf(deps: Deps, caller: Caller): Promise<ErasureSubject> {
  const [user, cases, bookings] = await Promise.all([
    deps.store.collection<UserDoc>('users').get(caller.userId),
    deps.store.collection<CaseDoc>('cases').find({ residentId: caller.userId }, { limit: 1000 }),
    deps.store.collection<BookingDoc>('reception_bookings').find({ residentId: caller.userId }, { limit: 1000 }),
  ])
  const names = new Set<string>()
  for (const name of [user?.name, ...bookings.map((b) => b.name), ...cases.map((c) => c.assisted?.residentName)]) {
    const n = name?.trim()
    if (n && Array.from(n).length >= 2 && !PLACEHOLDER_NAMES.has(n)) names.add(n)
  }
  const phones = new Set<string>()
  for (const sealed of [...cases.map((c) => c.phoneSealed), ...bookings.map((b) => b.phoneSealed)]) {
    if (!sealed) continue
    try {
      phones.add(deps.phoneVault.open(sealed))
    } catch (error) {
      deps.log('erasure: a sealed phone could not be opened', String(error))
    }
  }
  return { userId: caller.userId, openid: caller.openid, anonId: `erased-${deps.newId().replace(/-/g, '')}`, names: [...names], phones: [...phones] }
}

export async function eraseAccount(deps: Deps, caller: Caller): Promise<{ erased: true }> {
  const subject = await subjectOf(deps, caller)
  // 1. Future bookings, by the booking rules.
  const bookings = await deps.store.collection<BookingDoc>('reception_bookings').find({ residentId: caller.userId, status: { $in: ['pending', 'booked', 'waiting'] } }, { limit: 1000 })
  for (const b of bookings) {
    try {
      await cancelBooking(deps, caller, { bookingId: b._id })
    } catch (error) {
      // Too close to the start to cancel online: the place is kept under the anonymous id.
      deps.log('erasure: a booking could not be cancelled', { bookingId: b._id, error: String(error) })
    }
  }
  // 2. Their photos.
  const cases = deps.store.collection<CaseDoc>('cases')
  for (const c of await cases.find({ residentId: caller.userId }, { limit: 1000 })) {
    const theirs = (c.photos ?? []).filter((p) => p.fileId.includes(caller.userId) || p.fileId.includes(caller.openid))
    if (!theirs.length) continue
    await deps.fileStore.remove(theirs.map((p) => p.fileId))
    await cases.update({ _id: c._id }, { set: { photos: (c.photos ?? []).filter((p) => !theirs.includes(p)) } })
  }
  // 3. Everything else, collection by collection.
  await eraseEverywhere(deps, subject)
  return { erased: true }
}
