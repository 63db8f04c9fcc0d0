// The store contract: what every adapter of the `Store` port must do, run against the embedded
// store (nedb) and against CloudBase (the real node-sdk talking to the fake endpoint). Where the
// two differ, the contract follows CloudBase, the production store, and an adapter that does not
// (yet) declares the deviation: those cases then run as `it.failing`, so the day the adapter is
// fixed the run says so and the declaration must go.
import type { Collection, Store, StoredDoc } from '../../cloudfunctions/core/ports/store'

export type StoreDeviation =
  /** `update` counts documents it matched but left as they were; CloudBase counts only changed ones. */
  | 'counts-unchanged-updates'
  /** `{ field: null }` does not match documents without the field; CloudBase (MongoDB) matches both. */
  | 'null-does-not-match-missing'
  /** `pull` from a field the document lacks throws; on CloudBase it changes nothing. */
  | 'pull-on-missing-field-throws'

export interface StoreContractOptions {
  deviations?: StoreDeviation[]
}

export interface StoreUnderTest {
  store: Store
  cleanup(): Promise<void>
}

type Item = StoredDoc & Record<string, unknown>

const ids = (docs: StoredDoc[]) => docs.map((d) => d._id)
const sortedIds = (docs: StoredDoc[]) => ids(docs).sort()

/** Four documents with nested objects, arrays, a null and a missing field or two. */
const FIXTURE: Item[] = [
  { _id: 'a', name: '甲', n: 1, group: 'g1', status: 'draft', tags: ['x', 'y'], credits: { progress: 0, total: 3 }, createdAt: '2026-11-20T01:00:00.000Z' },
  { _id: 'b', name: '乙', n: 2, group: 'g1', status: 'submitted', tags: ['y'], credits: { progress: 2, total: 3 }, createdAt: '2026-11-21T01:00:00.000Z', note: null },
  { _id: 'c', name: '丙', n: 3, group: 'g2', status: 'submitted', tags: [], credits: { progress: 1, total: 1 }, createdAt: '2026-11-22T01:00:00.000Z', note: 'hi' },
  { _id: 'd', name: '丁', n: 4, group: 'g2', status: 'closed', createdAt: '2026-11-23T01:00:00.000Z', items: [{ id: 'i1' }, { id: 'i2' }] },
]

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: StoreContractOptions = {},
): void {
  const deviations = new Set(options.deviations ?? [])
  /** A case where CloudBase's behaviour is the contract and this adapter is known to differ. */
  const itCloudbase = (deviation: StoreDeviation, title: string, fn: () => Promise<void>) =>
    deviations.has(deviation) ? it.failing(`${title} [known deviation: ${deviation}]`, fn) : it(title, fn)

  describe(`Store contract: ${name}`, () => {
    let subject: StoreUnderTest
    let items: Collection<Item>

    beforeEach(async () => {
      subject = await makeStore()
      items = subject.store.collection<Item>('units')
    })
    afterEach(async () => {
      await subject.cleanup()
    })

    const seed = async () => {
      for (const doc of FIXTURE) expect(await items.insert(structuredClone(doc))).toBe(true)
    }

    describe('get and insert', () => {
      it('get of a missing id is null', async () => {
        expect(await items.get('nope')).toBeNull()
      })

      it('returns an inserted document exactly as it went in, with no extra fields', async () => {
        const doc: Item = {
          _id: 'doc-1',
          text: '小区路灯坏了 🙂',
          int: 42,
          negative: -3,
          float: 1.5,
          zero: 0,
          big: 2 ** 40,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: 3 }, [4]],
          empty: [],
          nested: { a: { b: { c: 'deep' } }, emptyObject: {} },
          at: '2026-11-23T02:00:00.000Z',
        }
        expect(await items.insert(structuredClone(doc))).toBe(true)
        expect(await items.get('doc-1')).toStrictEqual(doc)
        expect(await items.find({ _id: 'doc-1' })).toStrictEqual([doc])
      })

      it('a second insert with the same _id answers false and leaves the first untouched', async () => {
        expect(await items.insert({ _id: 'k', v: 1 })).toBe(true)
        expect(await items.insert({ _id: 'k', v: 2, extra: true })).toBe(false)
        expect(await items.get('k')).toStrictEqual({ _id: 'k', v: 1 })
        expect(await items.count({})).toBe(1)
      })

      it('a clash on another unique index is an error, not false', async () => {
        const stations = subject.store.collection<Item>('stations')
        expect(await stations.insert({ _id: 's1', code: 'HB01', name: '一站' })).toBe(true)
        await expect(stations.insert({ _id: 's2', code: 'HB01', name: '二站' })).rejects.toThrow()
        expect(await stations.get('s2')).toBeNull()
        expect(await stations.get('s1')).toStrictEqual({ _id: 's1', code: 'HB01', name: '一站' })
      })

      it('documents handed out are copies', async () => {
        await seed()
        const a = (await items.get('a'))!
        ;(a.credits as { progress: number }).progress = 99
        const [b] = await items.find({ _id: 'b' })
        ;(b.tags as string[]).push('z')
        expect(await items.get('a')).toStrictEqual(FIXTURE[0])
        expect(await items.get('b')).toStrictEqual(FIXTURE[1])
      })
    })

    describe('find and count', () => {
      beforeEach(seed)

      it.each<[string, Record<string, unknown>, string[]]>([
        ['an empty filter', {}, ['a', 'b', 'c', 'd']],
        ['equality', { group: 'g1' }, ['a', 'b']],
        ['equality on several fields', { group: 'g2', status: 'submitted' }, ['c']],
        ['equality on an array field (holds the value)', { tags: 'y' }, ['a', 'b']],
        ['$eq', { n: { $eq: 3 } }, ['c']],
        ['$ne', { group: { $ne: 'g1' } }, ['c', 'd']],
        ['$in', { status: { $in: ['draft', 'closed'] } }, ['a', 'd']],
        ['$in on _id', { _id: { $in: ['b', 'd', 'zz'] } }, ['b', 'd']],
        ['$in against an array field', { tags: { $in: ['x', 'q'] } }, ['a']],
        ['an empty $in', { _id: { $in: [] } }, []],
        ['$nin', { n: { $nin: [1, 4] } }, ['b', 'c']],
        ['$nin on _id', { _id: { $nin: ['a'] } }, ['b', 'c', 'd']],
        ['$gt', { n: { $gt: 2 } }, ['c', 'd']],
        ['$gte', { n: { $gte: 2 } }, ['b', 'c', 'd']],
        ['$lt', { n: { $lt: 2 } }, ['a']],
        ['$lte', { n: { $lte: 2 } }, ['a', 'b']],
        ['two operators on one field', { n: { $gt: 1, $lte: 3 } }, ['b', 'c']],
        ['range operators never compare across types', { n: { $gt: '0' } }, []],
        ['$exists: true (a null value exists)', { note: { $exists: true } }, ['b', 'c']],
        ['$exists: false', { credits: { $exists: false } }, ['d']],
        ['a dotted path with an operator', { 'credits.progress': { $gt: 0 } }, ['b', 'c']],
        ['a dotted path with equality', { 'credits.total': 3 }, ['a', 'b']],
        ['a dotted path through an array of objects', { 'items.id': 'i2' }, ['d']],
        ['$or', { $or: [{ n: 1 }, { group: 'g2', n: { $gt: 3 } }] }, ['a', 'd']],
        ['$or next to other fields', { group: 'g1', $or: [{ n: 2 }, { n: 3 }] }, ['b']],
        ['$or with dotted paths and $exists', { $or: [{ 'credits.progress': { $gte: 2 } }, { credits: { $exists: false } }] }, ['b', 'd']],
        ['undefined conditions are ignored', { group: 'g1', n: undefined }, ['a', 'b']],
        ['ISO timestamps with $gte and $lt', { createdAt: { $gte: '2026-11-21T00:00:00.000Z', $lt: '2026-11-23T01:00:00.000Z' } }, ['b', 'c']],
        ['ISO timestamps with $lt down to the millisecond', { createdAt: { $lt: '2026-11-21T01:00:00.001Z' } }, ['a', 'b']],
      ])('%s', async (_title, filter, expected) => {
        expect(sortedIds(await items.find(filter as never))).toEqual(expected)
        expect(await items.count(filter as never)).toBe(expected.length)
      })

      itCloudbase('null-does-not-match-missing', '{ field: null } matches a null value and a missing field', async () => {
        expect(sortedIds(await items.find({ note: null }))).toEqual(['a', 'b', 'd'])
        expect(sortedIds(await items.find({ note: { $ne: null } }))).toEqual(['c'])
      })

      it('sorts ascending and descending on one key', async () => {
        expect(ids(await items.find({}, { sort: [['n', 1]] }))).toEqual(['a', 'b', 'c', 'd'])
        expect(ids(await items.find({}, { sort: [['n', -1]] }))).toEqual(['d', 'c', 'b', 'a'])
        expect(ids(await items.find({}, { sort: [['createdAt', -1]] }))).toEqual(['d', 'c', 'b', 'a'])
      })

      it('sorts on two keys', async () => {
        expect(ids(await items.find({}, { sort: [['group', 1], ['n', -1]] }))).toEqual(['b', 'a', 'd', 'c'])
        expect(ids(await items.find({}, { sort: [['group', -1], ['n', 1]] }))).toEqual(['c', 'd', 'a', 'b'])
        expect(ids(await items.find({}, { sort: [['status', 1], ['_id', -1]] }))).toEqual(['d', 'a', 'c', 'b'])
      })

      it('sorts on a dotted path, a missing value first when ascending', async () => {
        expect(ids(await items.find({}, { sort: [['credits.progress', 1]] }))).toEqual(['d', 'a', 'c', 'b'])
        expect(ids(await items.find({}, { sort: [['credits.progress', -1]] }))).toEqual(['b', 'c', 'a', 'd'])
      })

      it('skips and limits after sorting and filtering', async () => {
        expect(ids(await items.find({}, { sort: [['n', 1]], skip: 1, limit: 2 }))).toEqual(['b', 'c'])
        expect(ids(await items.find({}, { sort: [['n', -1]], limit: 1 }))).toEqual(['d'])
        expect(ids(await items.find({}, { sort: [['n', 1]], skip: 3, limit: 10 }))).toEqual(['d'])
        expect(ids(await items.find({}, { sort: [['n', 1]], skip: 10 }))).toEqual([])
        expect(ids(await items.find({ group: 'g2' }, { sort: [['n', -1]], skip: 1 }))).toEqual(['c'])
      })
    })

    it('finds at most 100 documents unless told otherwise, and counts them all', async () => {
      const many = subject.store.collection<Item>('counters')
      await Promise.all(Array.from({ length: 120 }, (_, i) => many.insert({ _id: `n${String(i).padStart(3, '0')}`, i })))
      expect(await many.find({})).toHaveLength(100)
      expect(await many.find({}, { limit: 150 })).toHaveLength(120)
      expect(await many.count({})).toBe(120)
      expect(await many.count({ i: { $gte: 100 } })).toBe(20)
      expect(ids(await many.find({}, { sort: [['i', -1]], limit: 2 }))).toEqual(['n119', 'n118'])
    })

    describe('update', () => {
      beforeEach(seed)

      it('set replaces a scalar and answers 1', async () => {
        expect(await items.update({ _id: 'a' }, { set: { status: 'submitted' } })).toBe(1)
        expect(await items.get('a')).toStrictEqual({ ...FIXTURE[0], status: 'submitted' })
      })

      it('set replaces a nested object whole, it does not merge into it', async () => {
        expect(await items.update({ _id: 'a' }, { set: { credits: { progress: 5 } } })).toBe(1)
        expect((await items.get('a'))!.credits).toStrictEqual({ progress: 5 })
        expect(await items.update({ _id: 'b' }, { set: { credits: { nested: { x: 1 } } } })).toBe(1)
        expect(await items.update({ _id: 'b' }, { set: { credits: { nested: { y: 2 } } } })).toBe(1)
        expect((await items.get('b'))!.credits).toStrictEqual({ nested: { y: 2 } })
      })

      it('set on a dotted path changes only that path, creating missing parents', async () => {
        expect(await items.update({ _id: 'a' }, { set: { 'credits.progress': 9, 'meta.source': 'qr', 'meta.deep.er': true } })).toBe(1)
        const a = (await items.get('a'))!
        expect(a.credits).toStrictEqual({ progress: 9, total: 3 })
        expect(a.meta).toStrictEqual({ source: 'qr', deep: { er: true } })
      })

      it('set replaces arrays and can write null and empty values', async () => {
        expect(await items.update({ _id: 'a' }, { set: { tags: ['z'], note: null, empty: {}, list: [] } })).toBe(1)
        const a = (await items.get('a'))!
        expect(a.tags).toStrictEqual(['z'])
        expect(a.note).toBeNull()
        expect(a.empty).toStrictEqual({})
        expect(a.list).toStrictEqual([])
      })

      it('inc adds to a number, counts a missing field as 0, and takes negatives and dotted paths', async () => {
        expect(await items.update({ _id: 'b' }, { inc: { n: 5, fresh: 2, 'credits.progress': -1, 'stats.views': 1 } })).toBe(1)
        const b = (await items.get('b'))!
        expect(b.n).toBe(7)
        expect(b.fresh).toBe(2)
        expect(b.credits).toStrictEqual({ progress: 1, total: 3 })
        expect(b.stats).toStrictEqual({ views: 1 })
      })

      it('unset removes fields and dotted paths', async () => {
        expect(await items.update({ _id: 'b' }, { unset: ['note', 'credits.total'] })).toBe(1)
        const b = (await items.get('b'))!
        expect('note' in b).toBe(false)
        expect(b.credits).toStrictEqual({ progress: 2 })
      })

      it('push appends several items in order, also onto a missing array', async () => {
        expect(await items.update({ _id: 'a' }, { push: { tags: ['p', 'q', 'r'] } })).toBe(1)
        expect(await items.update({ _id: 'a' }, { push: { tags: ['s'], timeline: [{ at: 1, what: '提交' }, { at: 2, what: '受理' }] } })).toBe(1)
        const a = (await items.get('a'))!
        expect(a.tags).toStrictEqual(['x', 'y', 'p', 'q', 'r', 's'])
        expect(a.timeline).toStrictEqual([{ at: 1, what: '提交' }, { at: 2, what: '受理' }])
      })

      it('pull removes the array items whose field is one of the values, keeping the others in order', async () => {
        await items.update({ _id: 'd' }, { push: { items: [{ id: 'i3', x: 1 }, { id: 'i4' }] } })
        expect(await items.update({ _id: 'd' }, { pull: { items: { field: 'id', in: ['i1', 'i3', 'nope'] } } })).toBe(1)
        expect((await items.get('d'))!.items).toStrictEqual([{ id: 'i2' }, { id: 'i4' }])
      })

      it('applies set, inc, unset, push and pull together in one update', async () => {
        await items.update({ _id: 'd' }, { set: { outboxSize: 2, draft: 'x' } })
        const changed = await items.update(
          { _id: 'd', status: 'closed' },
          {
            set: { status: 'reopened', 'credits.progress': 1 },
            inc: { n: 1, outboxSize: -1 },
            unset: ['draft'],
            push: { timeline: [{ what: 'reopen' }] },
            pull: { items: { field: 'id', in: ['i1'] } },
          },
        )
        expect(changed).toBe(1)
        expect(await items.get('d')).toStrictEqual({
          _id: 'd',
          name: '丁',
          n: 5,
          group: 'g2',
          status: 'reopened',
          createdAt: '2026-11-23T01:00:00.000Z',
          items: [{ id: 'i2' }],
          outboxSize: 1,
          credits: { progress: 1 },
          timeline: [{ what: 'reopen' }],
        })
      })

      it('answers how many documents it updated', async () => {
        expect(await items.update({ group: 'g1' }, { set: { flagged: true } })).toBe(2)
        expect(await items.update({ status: 'submitted' }, { inc: { n: 10 } })).toBe(2)
        expect(sortedIds(await items.find({ flagged: true }))).toEqual(['a', 'b'])
        expect(sortedIds(await items.find({ n: { $gte: 10 } }))).toEqual(['b', 'c'])
      })

      it('a conditional update whose condition fails answers 0 and changes nothing', async () => {
        expect(await items.update({ _id: 'a', status: 'submitted' }, { set: { status: 'accepted' } })).toBe(0)
        expect(await items.update({ _id: 'b', 'credits.progress': { $gte: 3 } }, { inc: { 'credits.progress': 1 } })).toBe(0)
        expect(await items.update({ _id: 'missing' }, { set: { x: 1 } })).toBe(0)
        expect(await items.get('a')).toStrictEqual(FIXTURE[0])
        expect(await items.get('b')).toStrictEqual(FIXTURE[1])
        expect(await items.get('missing')).toBeNull()
        expect(await items.update({ _id: 'b', status: 'submitted' }, { set: { status: 'accepted' } })).toBe(1)
      })

      itCloudbase('counts-unchanged-updates', 'an update that leaves a document as it was does not count it', async () => {
        expect(await items.update({ _id: 'a' }, { set: { status: 'draft' } })).toBe(0)
        expect(await items.update({ _id: 'a' }, { inc: { n: 0 }, unset: ['not-there'] })).toBe(0)
        // `b` changes, `a` already has n = 1.
        expect(await items.update({ group: 'g1' }, { set: { n: 1 } })).toBe(1)
        expect(sortedIds(await items.find({ n: 1 }))).toEqual(['a', 'b'])
      })

      itCloudbase('pull-on-missing-field-throws', 'pull from a field the document lacks changes nothing there', async () => {
        expect(await items.update({ _id: 'a' }, { pull: { outbox: { field: 'id', in: ['x'] } }, inc: { n: 1 } })).toBe(1)
        const a = (await items.get('a'))!
        expect(a.n).toBe(2)
        expect('outbox' in a).toBe(false)
      })
    })

    describe('remove', () => {
      beforeEach(seed)

      it('removes the matching documents and answers how many', async () => {
        expect(await items.remove({ group: 'g1' })).toBe(2)
        expect(await items.remove({ group: 'g1' })).toBe(0)
        expect(await items.remove({ createdAt: { $lt: '2026-11-23T00:00:00.000Z' } })).toBe(1)
        expect(sortedIds(await items.find({}))).toEqual(['d'])
        expect(await items.get('a')).toBeNull()
      })

      it('a removed _id can be inserted again', async () => {
        expect(await items.remove({ _id: 'a' })).toBe(1)
        expect(await items.insert({ _id: 'a', again: true })).toBe(true)
        expect(await items.get('a')).toStrictEqual({ _id: 'a', again: true })
      })
    })

    describe('concurrency', () => {
      it('50 concurrent conditional increments of a 5-seat slot: exactly 5 succeed', async () => {
        const slots = subject.store.collection<Item>('counters')
        await slots.insert({ _id: 'slot', taken: 0 })
        const results = await Promise.all(
          Array.from({ length: 50 }, () => slots.update({ _id: 'slot', taken: { $lt: 5 } }, { inc: { taken: 1 } })),
        )
        expect(results.every((r) => r === 0 || r === 1)).toBe(true)
        expect(results.filter((r) => r === 1)).toHaveLength(5)
        expect((await slots.get('slot'))!.taken).toBe(5)
      })

      it('20 concurrent transitions out of one state: exactly 1 wins', async () => {
        await items.insert({ _id: 'c1', status: 'submitted' })
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            items.update({ _id: 'c1', status: 'submitted' }, { set: { status: 'accepted', by: `staff-${i}` } }),
          ),
        )
        expect(results.filter((r) => r === 1)).toHaveLength(1)
        expect(results.filter((r) => r === 0)).toHaveLength(19)
        const c1 = (await items.get('c1'))!
        expect(c1.status).toBe('accepted')
        expect(c1.by).toBe(`staff-${results.indexOf(1)}`)
      })

      it('concurrent inserts of one _id: exactly 1 is stored, the others answer false', async () => {
        const requests = subject.store.collection<Item>('requests')
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => requests.insert({ _id: 'req-1', attempt: i })))
        expect(results.filter((r) => r)).toHaveLength(1)
        expect(await requests.get('req-1')).toStrictEqual({ _id: 'req-1', attempt: results.indexOf(true) })
      })

      it('30 concurrent unconditional increments lose nothing', async () => {
        const counters = subject.store.collection<Item>('counters')
        await counters.insert({ _id: 'seq', value: 0 })
        await Promise.all(Array.from({ length: 30 }, () => counters.update({ _id: 'seq' }, { inc: { value: 1 } })))
        expect((await counters.get('seq'))!.value).toBe(30)
      })
    })
  })
}
