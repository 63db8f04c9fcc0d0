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

describe('新用户: a fresh development user', () => {
  it('gets an openid made from its id without a stored user; other ids still need one', async () => {
    const { devOpenidFromHeader: fromHeader, isNewDevUserId } = await import('../../server/devIdentity')
    const noStore = { collection: () => ({ get: async () => null }) } as never
    expect(isNewDevUserId('dev-new-abc123')).toBe(true)
    expect(isNewDevUserId('dev-new-../x')).toBe(false)
    expect(await fromHeader(noStore, 'dev-new-abc123')).toBe('dev:dev-new-abc123')
    expect(await fromHeader(noStore, 'dev-new-A')).toBeNull()
    expect(await fromHeader(noStore, 'dev-staff-9')).toBeNull()
  })
})
