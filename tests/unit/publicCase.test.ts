// The pure rules of what is published (Open311, the archive export) and of partner keys.
import { maskPlace, maskText, offsetIso, open311Status, statusesFor, toCsv } from '../../cloudfunctions/core/domain/partners/publicCase'
import { hashKey, keyMatches, keyPrefix, newKey, parseKey } from '../../cloudfunctions/core/domain/partners/apiKeys'
import { TokenBuckets } from '../../cloudfunctions/core/open311/tokenBucket'
import type { Open311Request } from '@minyi/types'

describe('masking published text', () => {
  it('masks runs of 3+ digits (with spaces or hyphens), full-width digits, e-mails and known names', () => {
    expect(maskText('电话 138-0013-8000，座机0571 8888 6666')).toBe('电话 ***-****-****，座机**** **** ****')
    expect(maskText('３号楼１２０３室')).toBe('３号楼****室')
    expect(maskText('发邮件到 a.b+c@example.com.cn 联系')).toBe('发邮件到 *** 联系')
    expect(maskText('我是刘阿姨，刘阿姨的邻居张三', ['刘阿姨', '张三', '王'])).toBe('我是***，***的邻居**')
    expect(maskText('2个路口、12路公交')).toBe('2个路口、12路公交')
    expect(maskPlace('望湖花园3幢2单元')).toBe('望湖花园*幢*单元')
  })
  it('maps statuses to open / closed, merged cases excluded from both', () => {
    expect(open311Status('transferred')).toBe('open')
    expect(open311Status('declined')).toBe('closed')
    expect(statusesFor('closed').sort()).toEqual(['closed', 'declined', 'proposal', 'replied'])
    expect(statusesFor('open')).not.toContain('merged')
    expect(offsetIso('2026-11-23T02:00:00.000Z')).toBe('2026-11-23T10:00:00+08:00')
  })
  it('CSV quotes what needs quoting and defuses spreadsheet formulas', () => {
    const row = { service_request_id: 'MY1', status: 'open', status_notes: '待受理', service_name: '其他', service_code: 'other', description: '=HYPERLINK("x")，"引号"\n换行', agency_responsible: null, requested_datetime: 't', updated_datetime: null, expected_datetime: null, address: '+1', lat: null, long: null } as unknown as Open311Request
    const [, line] = toCsv([row]).replace('\uFEFF', '').split('\r\n')
    expect(line).toBe(`MY1,open,待受理,其他,other,"'=HYPERLINK(""x"")，""引号""\n换行",,t,,,'+1,,`)
  })
})

describe('partner keys', () => {
  it('have the shape myt_<id>_<secret>; only the hash is compared, and the id is the lookup', () => {
    const key = newKey('ak0123456789ab')
    expect(parseKey(key)).toEqual({ keyId: 'ak0123456789ab' })
    expect(keyMatches(key, hashKey(key))).toBe(true)
    expect(keyMatches(`${key}x`, hashKey(key))).toBe(false)
    expect(parseKey('myt_ak0123456789ab_short')).toBeNull()
    expect(keyPrefix('ak0123456789ab')).toBe('myt_ak0123456789ab_…')
    expect(newKey('ak0123456789ab')).not.toBe(key)
  })
})

describe('token bucket', () => {
  it('allows a burst, then one per refill interval, per client', () => {
    const b = new TokenBuckets({ burst: 2, perSecond: 0.5 })
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([0, 0, 2])
    expect(b.take('b', 0)).toBe(0)
    expect(b.take('a', 1000)).toBe(1)
    expect(b.take('a', 2100)).toBe(0)
  })
})
