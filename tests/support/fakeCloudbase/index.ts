// A fake CloudBase database endpoint for the real @cloudbase/node-sdk; see server.ts for what it
// emulates and what it does not.
export { startFakeCloudbase, type FakeCloudbase, type FakeCloudbaseOptions, type FakeRequest } from './server'
export { FakeDatabase, FakeDbError, type CollectionSpec, type IndexSpec } from './engine'
export { FakeStorage, type StoredFile } from './storage'
