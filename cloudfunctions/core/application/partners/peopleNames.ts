// The names of each case's people, to mask wherever published text mentions them: the author's
// account name and the contact a partner sent (opened from its seal only for this).
import type { PartnerCaseDoc } from '../../domain/partners/records'
import type { UserDoc } from '../../domain/records'
import type { Deps } from '../deps'

export async function peopleNames(deps: Deps, docs: PartnerCaseDoc[]): Promise<Map<string, string[]>> {
  const residentIds = [...new Set(docs.map((d) => d.residentId))]
  const users = residentIds.length
    ? await deps.store.collection<UserDoc>('users').find({ _id: { $in: residentIds } }, { limit: 1000 })
    : []
  const byId = new Map(users.map((u) => [u._id, u.name]))
  const names = new Map<string, string[]>()
  for (const d of docs) {
    const list: string[] = []
    const author = byId.get(d.residentId)
    if (author) list.push(author)
    if (d.partner?.contactNameSealed) {
      try {
        list.push(deps.phoneVault.open(d.partner.contactNameSealed))
      } catch {
        // A seal that cannot be opened (rotated key): nothing to mask by.
      }
    }
    names.set(d._id, list)
  }
  return names
}
