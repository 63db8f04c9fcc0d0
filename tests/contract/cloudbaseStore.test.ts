// The store contract against the CloudBase adapter: the real @cloudbase/node-sdk builds, signs and
// sends its HTTP requests to a fake CloudBase database endpoint on 127.0.0.1, whose collections and
// unique indexes come from the deployment manifest (deploy/collections.json).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { startFakeCloudbase, type CollectionSpec, type FakeCloudbase } from '../support/fakeCloudbase'
import { describeStoreContract } from './store.contract'

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../deploy/collections.json'), 'utf8')) as {
  collections: CollectionSpec[]
}

// Outside Tencent Cloud, node-sdk probes the metadata host before every request (~60 ms each);
// this is what a Tencent Cloud host looks like, and it keeps the tests off the network.
const previousTencentCloud = process.env.TENCENTCLOUD
beforeAll(() => {
  process.env.TENCENTCLOUD = 'true'
})
afterAll(() => {
  if (previousTencentCloud === undefined) delete process.env.TENCENTCLOUD
  else process.env.TENCENTCLOUD = previousTencentCloud
})

async function connect(): Promise<{ fake: FakeCloudbase; app: ReturnType<typeof tcb.init> }> {
  const fake = await startFakeCloudbase({ collections: manifest.collections })
  return { fake, app: tcb.init(fake.sdkConfig) }
}

describeStoreContract('CloudBase via node-sdk and the fake endpoint', async () => {
  const { fake, app } = await connect()
  const store = createCloudbaseStore(app)
  return {
    store,
    cleanup: async () => {
      await store.close()
      await fake.close()
    },
  }
})

describe('CloudBase adapter on the wire', () => {
  let fake: FakeCloudbase
  let app: ReturnType<typeof tcb.init>
  beforeEach(async () => {
    ;({ fake, app } = await connect())
  })
  afterEach(async () => {
    await fake.close()
  })

  it('a conditional update is one modifyDocument request, an insert one insertDocument', async () => {
    const store = createCloudbaseStore(app)
    const counters = store.collection<{ _id: string; value: number }>('counters')
    expect(await counters.insert({ _id: 'slot', value: 0 })).toBe(true)
    expect(await counters.update({ _id: 'slot', value: { $lt: 5 } }, { inc: { value: 1 } })).toBe(1)
    expect(fake.requests).toEqual([
      { action: 'database.insertDocument', collectionName: 'counters' },
      { action: 'database.modifyDocument', collectionName: 'counters' },
    ])
  })

  it('a duplicate _id comes back from CloudBase as DATABASE_DUPLICATE_WRITE, which insert turns into false', async () => {
    const db = app.database()
    await db.collection('requests').add({ _id: 'k', v: 1 })
    await expect(db.collection('requests').add({ _id: 'k', v: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    const store = createCloudbaseStore(app)
    expect(await store.collection('requests').insert({ _id: 'k' })).toBe(false)
  })

  it('other errors are not swallowed: a collection missing from the environment rejects', async () => {
    const bare = await startFakeCloudbase({ collections: [] })
    try {
      const store = createCloudbaseStore(tcb.init(bare.sdkConfig))
      await expect(store.collection('cases').insert({ _id: 'x' })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
      await expect(store.collection('cases').get('x')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    } finally {
      await bare.close()
    }
  })

  it('works the same when the SDK is told to return error answers instead of throwing them', async () => {
    const sdk = tcb as unknown as { setThrowOnCode(value: boolean): void }
    sdk.setThrowOnCode(false)
    try {
      const requests = createCloudbaseStore(app).collection('requests')
      expect(await requests.insert({ _id: 'k' })).toBe(true)
      expect(await requests.insert({ _id: 'k' })).toBe(false)
      await expect(createCloudbaseStore(app).collection('no_such' as never).count({})).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    } finally {
      sdk.setThrowOnCode(true)
    }
  })

  it('the raw SDK merges a nested object into dotted paths, which is why set goes through _.set()', async () => {
    const db = app.database()
    await db.collection('units').add({ _id: 'u', credits: { progress: 1, total: 3 } })
    await db.collection('units').doc('u').update({ credits: { progress: 2 } })
    const { data } = await db.collection('units').doc('u').get()
    expect(data).toEqual([{ _id: 'u', credits: { progress: 2, total: 3 } }])

    await createCloudbaseStore(app).collection('units').update({ _id: 'u' }, { set: { credits: { progress: 5 } } })
    expect((await db.collection('units').doc('u').get()).data).toEqual([{ _id: 'u', credits: { progress: 5 } }])
  })

  it('find asks for 100 documents by default and never more than 1000', async () => {
    const units = createCloudbaseStore(app).collection('units')
    await units.find({})
    await units.find({}, { limit: 5000, skip: 20 })
    await units.find({}, { limit: 7 })
    expect(fake.requests).toEqual([
      { action: 'database.getDocument', collectionName: 'units', offset: 0, limit: 100 },
      { action: 'database.getDocument', collectionName: 'units', offset: 20, limit: 1000 },
      { action: 'database.getDocument', collectionName: 'units', offset: 0, limit: 7 },
    ])
  })
})

// The fake must answer what CloudBase answers for the calls beyond the adapter's, or refuse them.
describe('the fake endpoint, driven by the raw SDK', () => {
  let fake: FakeCloudbase
  let db: ReturnType<ReturnType<typeof tcb.init>['database']>
  beforeEach(async () => {
    fake = await startFakeCloudbase({ collections: manifest.collections })
    db = tcb.init(fake.sdkConfig).database()
  })
  afterEach(async () => {
    await fake.close()
  })

  it('doc().set() replaces a document or creates it; doc().update() and doc().remove() touch one document', async () => {
    const _ = db.command
    const units = db.collection('units')
    expect(await units.doc('u1').set({ a: 1, b: { c: 2 } })).toMatchObject({ updated: 0, upsertedId: 'u1' })
    expect(await units.doc('u1').set({ z: true })).toMatchObject({ updated: 1 })
    expect((await units.doc('u1').get()).data).toEqual([{ _id: 'u1', z: true }])
    await units.add([{ _id: 'u2', n: 1 }, { _id: 'u3', n: 1 }])
    expect(await units.doc('u2').update({ n: _.inc(1) })).toMatchObject({ updated: 1 })
    expect((await units.where({ n: 1 }).get()).data).toEqual([{ _id: 'u3', n: 1 }])
    expect(await units.doc('u3').remove()).toMatchObject({ deleted: 1 })
    expect(await units.count()).toMatchObject({ total: 2 })
  })

  it('an add() without _id gets a generated one', async () => {
    const { id } = await db.collection('units').add({ a: 1 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect((await db.collection('units').doc(id as string).get()).data).toEqual([{ _id: id, a: 1 }])
  })

  it('refuses what MongoDB refuses and what it does not emulate, instead of guessing', async () => {
    const _ = db.command
    const units = db.collection('units')
    await units.add({ _id: 'u', a: { b: 1 }, s: 'text' })
    await expect(units.doc('u').update({ a: _.set({ c: 1 }), 'a.b': _.inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(units.doc('u').update({ s: _.inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(units.doc('u').update({ s: _.push(['x']) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(units.doc('u').update({ a: _.addToSet(1) })).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
    await expect(units.where({ s: _.size(1) }).get()).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
    await expect(units.where({ s: /te/ }).get()).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
    expect((await units.doc('u').get()).data).toEqual([{ _id: 'u', a: { b: 1 }, s: 'text' }])
  })

  it('refuses a wrong environment and an unknown collection', async () => {
    const other = tcb.init({ ...fake.sdkConfig, env: 'other-env' }).database()
    await expect(other.collection('units').count()).rejects.toMatchObject({ code: 'INVALID_ENV' })
    await expect(db.collection('no_such').count()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
  })
})
