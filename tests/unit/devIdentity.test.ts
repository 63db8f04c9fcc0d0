// The local runtime's development sign-in accepts every demo user listed on 选择演示身份 (the
// congress-office staff `dev-office-N` included) and nothing that is not a demo user id.
import { users } from '../../server/demoData'
import { isDemoUserId } from '../../server/devIdentity'

describe('development sign-in ids', () => {
  it.each(users.map((u) => u._id))('accepts the demo user %s', (id) => {
    expect(isDemoUserId(id)).toBe(true)
  })

  it.each(['', 'dev-office-', 'dev-root-1', 'office-1', 'dev-staff-1; drop', 'dev-deputy-1000'])('refuses %p', (id) => {
    expect(isDemoUserId(id)).toBe(false)
  })
})
