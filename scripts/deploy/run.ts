// One deploy: read the current state from the target, plan, refuse on blockers, apply the
// changes in order (collections, indexes and rules first, then functions, then storage), and
// report. Applying is the plan's changes one by one through the port, nothing else.
import type { Change, CurrentState, DesiredState, Plan } from './model'
import { computePlan, describeChange } from './plan'
import type { DeployTarget } from './target'

export async function readCurrentState(target: DeployTarget, desired: DesiredState): Promise<CurrentState> {
  const [collections, functions, storageRule] = [
    await target.database.readCollections(desired.collections.map((c) => c.name)),
    await target.functions.readFunctions(desired.functions.map((f) => f.name)),
    await target.storage.readRule(),
  ]
  return { known: true, collections, functions, storageRule }
}

export async function applyChange(target: DeployTarget, change: Change, desired: DesiredState): Promise<void> {
  const fn = (name: string) => desired.functions.find((f) => f.name === name)!
  switch (change.kind) {
    case 'collection.create':
      return target.database.createCollection(change.collection)
    case 'collection.indexes':
      return target.database.updateIndexes(change.collection, change.create, change.drop)
    case 'collection.rule':
      return target.database.setCollectionRule(change.collection, change.rule)
    case 'function.create':
      return target.functions.createFunction(fn(change.fn))
    case 'function.code':
      return target.functions.updateCode(fn(change.fn))
    case 'function.config':
      return target.functions.updateConfig(fn(change.fn))
    case 'function.triggers':
      return target.functions.updateTriggers(change.fn, change.create, change.drop)
    case 'function.http':
      return target.functions.setHttpAccess(change.fn, { path: change.path, authRequired: change.authRequired })
    case 'storage.rule':
      return target.storage.setRule(change.rule)
  }
}

export interface DeployResult {
  plan: Plan
  applied: Change[]
}

export async function deploy(target: DeployTarget, desired: DesiredState, log: (line: string) => void = () => {}): Promise<DeployResult> {
  const current = await readCurrentState(target, desired)
  const plan = computePlan(desired, current)
  if (plan.blockers.length) throw new Error(`cannot deploy:\n${plan.blockers.map((b) => `  - ${b}`).join('\n')}`)
  const applied: Change[] = []
  for (const change of plan.changes) {
    const [first] = describeChange(change, desired)
    log(`→ ${first}`)
    await applyChange(target, change, desired)
    applied.push(change)
  }
  return { plan, applied }
}
