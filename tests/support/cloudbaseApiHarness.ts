// An api harness whose store is the CloudBase adapter: the real @cloudbase/node-sdk talks to the fake
// CloudBase endpoint (tests/support/fakeCloudbase) created from deploy/collections.json, so suites
// run the very requests production sends. Registers its own jest hooks; read `current()` in tests.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { createHarness, type Harness } from './apiHarness'
import { startFakeCloudbase, type CollectionSpec, type FakeCloudbase } from './fakeCloudbase'

export const collectionsManifest = JSON.parse(readFileSync(path.join(__dirname, '../../deploy/collections.json'), 'utf8')) as {
  collections: CollectionSpec[]
}

export function useCloudbaseHarness(options: { now?: string } = {}): { current: () => Harness } {
  const previousTencentCloud = process.env.TENCENTCLOUD
  let fake: FakeCloudbase
  let h: Harness
  beforeAll(() => {
    // Outside Tencent Cloud, node-sdk probes the metadata host before every request; this keeps the
    // tests off the network.
    process.env.TENCENTCLOUD = 'true'
  })
  afterAll(() => {
    if (previousTencentCloud === undefined) delete process.env.TENCENTCLOUD
    else process.env.TENCENTCLOUD = previousTencentCloud
  })
  beforeEach(async () => {
    fake = await startFakeCloudbase({ collections: collectionsManifest.collections })
    h = await createHarness({ ...options, store: createCloudbaseStore(tcb.init(fake.sdkConfig)) })
  })
  afterEach(async () => {
    await h.close()
    await fake.close()
  })
  return { current: () => h }
}
