// The pure part of accounts and invitations: the ceiling, codes, their hash and lifetime, the scene.
import { buildScene, parseScene } from '@minyi/types'
import {
  assertMayGrant,
  hashInvitationCode,
  invitationExpiry,
  invitationRefusal,
  invitationStatus,
  mayManage,
  newInvitationCode,
} from '../../cloudfunctions/core/domain/accountRules'
import type { Caller } from '../../cloudfunctions/core/domain/caller'
import type { UserDoc } from '../../cloudfunctions/core/domain/records'

const caller = (role: Caller['role'], stationIds: string[] = [], extra: Partial<Caller> = {}): Caller => ({
  userId: `u-${role}`,
  openid: 'x',
  role,
  name: 'n',
  deputyId: null,
  stationIds,
  regionId: 'd1',
  ...extra,
})
const account = (role: UserDoc['role'], stationIds: string[] = [], extra: Partial<UserDoc> = {}): UserDoc => ({
  _id: `a-${role}`,
  openid: 'o',
  role,
  name: 'n',
  stationIds,
  deputyId: null,
  regionId: 'd1',
  credits: {},
  createdAt: '',
  ...extra,
})
const grant = (role: 'deputy' | 'staff' | 'admin', stationIds: string[] = [], more: { officeRegionId?: string; deputyStationIds?: string[] } = {}) => ({
  role,
  stationIds,
  officeRegionId: more.officeRegionId ?? null,
  deputyStationIds: more.deputyStationIds ?? [],
})

describe('the role ceiling', () => {
  const scope = { districtRegionIds: ['d1', 'street1'] }
  it('refuses a role above the caller’s and a scope outside it', () => {
    expect(() => assertMayGrant(caller('staff', ['s1']), grant('admin'), scope)).toThrow('不能授予高于本人的角色')
    expect(() => assertMayGrant(caller('deputy'), grant('staff', ['s1']), scope)).toThrow('不能授予高于本人的角色')
    expect(() => assertMayGrant(caller('staff', ['s1']), grant('staff', ['s1', 's2']), scope)).toThrow('不能授予本人范围以外的家站点')
    expect(() => assertMayGrant(caller('admin', ['s1']), grant('staff', [], { officeRegionId: 'elsewhere' }), scope)).toThrow('不能授予本人范围以外的街道')
    expect(() => assertMayGrant(caller('staff', ['s1']), grant('deputy', [], { deputyStationIds: ['s2'] }), scope)).toThrow('这位代表不在本人负责的家站点')
    expect(() => assertMayGrant(caller('staff', [], { office: { regionId: 'street1', level: 'street', name: 'x' } }), grant('staff', ['s1']), scope)).toThrow('不能创建账号')
  })
  it('allows equal and lower roles within the scope', () => {
    expect(() => assertMayGrant(caller('staff', ['s1', 's2']), grant('staff', ['s2']), scope)).not.toThrow()
    expect(() => assertMayGrant(caller('staff', ['s1']), grant('deputy', [], { deputyStationIds: ['s1', 's9'] }), scope)).not.toThrow()
    expect(() => assertMayGrant(caller('admin', ['s1']), grant('admin'), scope)).not.toThrow()
    expect(() => assertMayGrant(caller('admin', ['s1']), grant('staff', [], { officeRegionId: 'street1' }), scope)).not.toThrow()
  })
  it('who may manage an account', () => {
    expect(mayManage(caller('staff', ['s1']), account('staff', ['s1']), [])).toBe(true)
    expect(mayManage(caller('staff', ['s1']), account('staff', ['s1', 's2']), [])).toBe(false)
    expect(mayManage(caller('staff', ['s1']), account('admin'), [])).toBe(false)
    expect(mayManage(caller('staff', ['s1']), account('staff', [], { officeRegionId: 'street1' }), [])).toBe(false)
    expect(mayManage(caller('staff', ['s1']), account('deputy'), ['s1'])).toBe(true)
    expect(mayManage(caller('admin'), account('admin'), [])).toBe(true)
    expect(mayManage(caller('admin'), account('staff', ['x'], { regionId: 'd2' }), [])).toBe(false)
    expect(mayManage(caller('admin', [], { userId: 'a-admin' }), account('admin'), [])).toBe(false)
  })
})

describe('invitation codes', () => {
  it('are 10 readable characters, hashed case-insensitively, valid 7 days, and ride in scene i=', () => {
    const codes = new Set(Array.from({ length: 200 }, newInvitationCode))
    expect(codes.size).toBe(200)
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
    expect(hashInvitationCode('abcdefghjk')).toBe(hashInvitationCode('ABCDEFGHJK'))
    expect(invitationExpiry(new Date('2026-11-23T02:00:00Z'))).toBe('2026-11-30T02:00:00.000Z')
    const inv = { status: 'pending' as const, expiresAt: '2026-11-30T02:00:00.000Z' }
    expect(invitationStatus(inv, new Date('2026-11-30T01:59:59Z'))).toBe('pending')
    expect(invitationStatus(inv, new Date('2026-11-30T02:00:00Z'))).toBe('expired')
    expect(invitationRefusal('expired')).toContain('已过期')
    expect(buildScene({ kind: 'invitation', code: 'K7QM3XPA9F' })).toBe('i=K7QM3XPA9F')
    expect(parseScene('i%3DK7QM3XPA9F')).toEqual({ kind: 'invitation', code: 'K7QM3XPA9F' })
    expect(parseScene('s=HBJD')).toEqual({ kind: 'station', code: 'HBJD' })
  })
})
