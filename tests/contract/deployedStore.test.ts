// The deploy's database part for real: @cloudbase/manager-node (through the deploy's adapter)
// creates the collections, indexes and rules of deploy/collections.json on the fake CloudBase
// endpoint, a second deploy changes nothing, and the store contract suite then runs with the
// real node-sdk against the collections the deploy created (not ones the test set up).
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { readDesiredState, STORAGE_RULE } from '../../scripts/deploy/desired'
import { CloudBase, createManagerDatabase, createManagerStorage } from '../../scripts/deploy/managerNodeTarget'
import { createRecordingFunctions, type MemoryEnvironment } from '../../scripts/deploy/memoryTarget'
import { deploy } from '../../scripts/deploy/run'
import type { DeployTarget } from '../../scripts/deploy/target'
import { makeDeployFixture, strongKey, type DeployFixture } from '../support/deployFixture'
import { startFakeCloudbase, type FakeCloudbase } from '../support/fakeCloudbase'
import { describeStoreContract } from './store.contract'

const saved = { TENCENTCLOUD: process.env.TENCENTCLOUD, TCB_BASE_URL: process.env.TCB_BASE_URL, http_proxy: process.env.http_proxy }
let fx: DeployFixture
beforeAll(() => {
  // node-sdk: skip the metadata probe; manager-node: no proxy for a local endpoint.
  process.env.TENCENTCLOUD = 'true'
  delete process.env.http_proxy
  fx = makeDeployFixture()
})
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  fx.cleanup()
})

/** The real adapter on the database and storage rules; functions (uploads go to COS) recorded. */
function targetFor(fake: FakeCloudbase): { target: DeployTarget; functionCalls: string[] } {
  process.env.TCB_BASE_URL = fake.cloudApiUrl
  const manager = new CloudBase({ envId: fake.env, secretId: 'fake-secret-id', secretKey: 'fake-secret-key' })
  const env: MemoryEnvironment = { collections: {}, functions: {}, storageRule: null }
  const functionCalls: string[] = []
  return {
    functionCalls,
    target: {
      label: 'fake CloudBase endpoint',
      database: createManagerDatabase(manager),
      functions: createRecordingFunctions(env, functionCalls),
      storage: createManagerStorage(manager),
    },
  }
}

const desired = (envId: string) => readDesiredState(fx.root, envId, { MINYI_PHONE_KEY: strongKey() })

describe('deploy through @cloudbase/manager-node to the fake CloudBase endpoint', () => {
  it('creates every collection with its indexes and the deny-all rule, sets the storage rule; a second run changes nothing', async () => {
    const fake = await startFakeCloudbase({ collections: [] })
    try {
      const { target } = targetFor(fake)
      const want = desired(fake.env)
      const first = await deploy(target, want)
      expect(first.applied.length).toBeGreaterThan(want.collections.length)

      expect(fake.db.collectionNames()).toEqual(want.collections.map((c) => c.name).sort())
      for (const c of want.collections) {
        expect(fake.db.describeCollection(c.name)!.indexes).toEqual(
          c.indexes.map((i) => ({ name: i.name, unique: i.unique, keys: i.keys.map((k) => ({ name: k.name, direction: k.direction })) })),
        )
        expect(fake.rules.collections.get(c.name)).toEqual({ permission: 'CUSTOM', rule: '{"read":false,"write":false}' })
      }
      expect(fake.rules.storage).toEqual({ acl: 'CUSTOM', rule: JSON.stringify(STORAGE_RULE) })
      expect(fake.cloudApiRequests).toEqual(expect.arrayContaining(['DescribeEnvInfo', 'CreateTable', 'UpdateTable', 'ModifyResourcePermission', 'ModifyStorageSafeRule']))

      // Second run: only reads.
      fake.cloudApiRequests.length = 0
      const second = await deploy(target, want)
      expect(second.plan.changes).toEqual([])
      expect(new Set(fake.cloudApiRequests)).toEqual(new Set(['DescribeTable', 'DescribeResourcePermission', 'DescribeStorageSafeRule']))
    } finally {
      await fake.close()
    }
  })

  it('adds a missing index to an existing collection with data, and refuses a unique index the data violates', async () => {
    const fake = await startFakeCloudbase({ collections: [] })
    try {
      const { target } = targetFor(fake)
      const want = desired(fake.env)
      await deploy(target, want)
      fake.db.dropIndex('stations', 'code_unique')
      fake.db.insert('stations', [{ _id: 's1', code: 'HBJD' }])
      const again = await deploy(target, want)
      expect(again.applied).toEqual([{ kind: 'collection.indexes', collection: 'stations', create: [want.collections.find((c) => c.name === 'stations')!.indexes[0]], drop: [] }])

      fake.db.dropIndex('stations', 'code_unique')
      fake.db.insert('stations', [{ _id: 's2', code: 'HBJD' }])
      await expect(deploy(target, want)).rejects.toThrow(/duplicate key/)
    } finally {
      await fake.close()
    }
  })
})

describeStoreContract('CloudBase via node-sdk on the collections the deploy created', async () => {
  const fake = await startFakeCloudbase({ collections: [] })
  await deploy(targetFor(fake).target, desired(fake.env))
  const store = createCloudbaseStore(tcb.init(fake.sdkConfig))
  return {
    store,
    cleanup: async () => {
      await store.close()
      await fake.close()
    },
  }
})
