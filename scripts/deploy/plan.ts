// desired state + current state → the list of changes, as data; and how a plan is printed.
// Pure: no I/O. Secrets are never printed: variables are listed by name, MINYI_PHONE_KEY by the
// public id of the key (the vault's key id), so an operator can tell which key a function has.
import { phoneKeyId } from '../../cloudfunctions/core/adapters/crypto/aesPhoneVault'
import type { Change, CurrentFunction, CurrentState, DesiredState, EnvDiff, FunctionSpec, IndexSpec, Plan, StorageRule, TimerTrigger } from './model'

const sameIndex = (a: IndexSpec, b: IndexSpec) =>
  a.unique === b.unique && a.keys.length === b.keys.length && a.keys.every((k, i) => k.name === b.keys[i]!.name && k.direction === b.keys[i]!.direction)

const sameTrigger = (a: TimerTrigger, b: TimerTrigger) => a.type === b.type && a.config.trim() === b.config.trim()

function sameRule(a: string | null, b: string): boolean {
  if (a === null) return false
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b))
  } catch {
    return a === b
  }
}

const sameStorageRule = (a: StorageRule | null, b: StorageRule) => a !== null && a.read === b.read && a.write === b.write

function envDiff(current: Record<string, string>, desired: Record<string, string>): EnvDiff {
  const added = Object.keys(desired).filter((k) => !(k in current)).sort()
  const changed = Object.keys(desired).filter((k) => k in current && current[k] !== desired[k]).sort()
  const removed = Object.keys(current).filter((k) => !(k in desired)).sort()
  return { added, changed, removed }
}

/** One change per HTTP path that is missing or whose authentication differs; extra paths are noted, never removed. */
function httpChanges(f: FunctionSpec, have: CurrentFunction | undefined, notes: string[]): Change[] {
  const current = have?.httpAccess ?? []
  const changes: Change[] = []
  for (const access of f.httpAccess) {
    const found = current.find((a) => a.path === access.path)
    if (!found) changes.push({ kind: 'function.http', fn: f.name, path: access.path, authRequired: access.authRequired, from: 'missing' })
    else if (found.authRequired !== access.authRequired) changes.push({ kind: 'function.http', fn: f.name, path: access.path, authRequired: access.authRequired, from: 'auth' })
  }
  for (const extra of current) {
    if (!f.httpAccess.some((a) => a.path === extra.path)) notes.push(`function ${f.name}: HTTP path ${extra.path} exists but is not in its config.json httpAccess (left alone)`)
  }
  return changes
}

export function computePlan(desired: DesiredState, current: CurrentState): Plan {
  const changes: Change[] = []
  const notes: string[] = []
  const blockers: string[] = []

  for (const c of desired.collections) {
    const have = current.collections[c.name]
    if (!have) changes.push({ kind: 'collection.create', collection: c.name })
    const existing = have?.indexes ?? []
    const create: IndexSpec[] = []
    const drop: string[] = []
    for (const index of c.indexes) {
      const found = existing.find((i) => i.name === index.name)
      if (!found) create.push(index)
      else if (!sameIndex(found, index)) {
        // Same name, other keys: CloudBase cannot alter an index, so it is dropped and made again.
        drop.push(index.name)
        create.push(index)
      }
    }
    for (const extra of existing) {
      if (extra.name !== '_id_' && !c.indexes.some((i) => i.name === extra.name)) {
        notes.push(`${c.name}: index ${extra.name} exists but is not in deploy/collections.json (left alone)`)
      }
    }
    if (create.length || drop.length) changes.push({ kind: 'collection.indexes', collection: c.name, create, drop })
    if (!sameRule(have?.rule ?? null, c.rule)) changes.push({ kind: 'collection.rule', collection: c.name, rule: c.rule, from: have?.rule ?? null })
  }

  for (const f of desired.functions) {
    const have = current.functions[f.name]
    if (!have) {
      changes.push({ kind: 'function.create', fn: f.name })
      if (f.triggers.length) changes.push({ kind: 'function.triggers', fn: f.name, create: f.triggers, drop: [] })
      changes.push(...httpChanges(f, undefined, notes))
      continue
    }
    if (have.runtime !== f.runtime) {
      blockers.push(`function ${f.name} runs ${have.runtime} but config.json says ${f.runtime}; CloudBase cannot change a function's runtime: delete the function in the console (its data is in the database, not in the function) and deploy again`)
    }
    if (have.codeDigest !== f.codeDigest) changes.push({ kind: 'function.code', fn: f.name, from: have.codeDigest })
    const fields: string[] = []
    if (have.timeout !== f.timeout) fields.push(`timeout ${have.timeout}→${f.timeout} s`)
    if (have.memorySize !== f.memorySize) fields.push(`memory ${have.memorySize}→${f.memorySize} MB`)
    if (have.handler !== f.handler) fields.push(`handler ${have.handler}→${f.handler}`)
    if (have.installDependency !== f.installDependency) fields.push(`installDependency ${have.installDependency}→${f.installDependency}`)
    const env = envDiff(have.envVariables, f.envVariables)
    if (fields.length || env.added.length || env.changed.length || env.removed.length) changes.push({ kind: 'function.config', fn: f.name, fields, env })
    const create = f.triggers.filter((t) => !have.triggers.some((h) => h.name === t.name && sameTrigger(h, t)))
    const drop = have.triggers.filter((h) => !f.triggers.some((t) => t.name === h.name && sameTrigger(h, t))).map((h) => h.name)
    if (create.length || drop.length) changes.push({ kind: 'function.triggers', fn: f.name, create, drop })
    changes.push(...httpChanges(f, have, notes))
  }
  for (const name of Object.keys(current.functions)) {
    if (!desired.functions.some((f) => f.name === name)) notes.push(`function ${name} exists in the environment but not in cloudfunctions/ (left alone)`)
  }

  if (!sameStorageRule(current.storageRule, desired.storageRule)) changes.push({ kind: 'storage.rule', rule: desired.storageRule, from: current.storageRule })
  return { envId: desired.envId, againstKnownState: current.known, changes, notes, blockers }
}

/** Variables by name; the phone keys by their public key id. */
export function describeVariable(name: string, value: string | undefined): string {
  if (value === undefined) return name
  if (name === 'MINYI_PHONE_KEY' && /^[0-9a-f]{64}$/i.test(value)) return `${name} (key id ${phoneKeyId(Buffer.from(value, 'hex'))})`
  if (name === 'MINYI_PHONE_KEY_PREVIOUS') {
    const ids = value.split(',').filter((v) => /^[0-9a-f]{64}$/i.test(v.trim())).map((v) => phoneKeyId(Buffer.from(v.trim(), 'hex')))
    return `${name} (key id ${ids.join(', ')})`
  }
  if (/KEY|SECRET|TOKEN/.test(name)) return `${name} (secret)`
  if (name === 'MINYI_TEMPLATES') return `${name} (${Object.keys(safeJson(value)).join(', ') || 'set'})`
  return `${name}=${value}`
}

function safeJson(value: string): Record<string, unknown> {
  try {
    return JSON.parse(value) as Record<string, unknown>
  } catch {
    return {}
  }
}

const indexLabel = (i: IndexSpec) => `${i.name}${i.unique ? ' (unique)' : ''} on ${i.keys.map((k) => `${k.name} ${k.direction === '1' ? '↑' : '↓'}`).join(', ')}`

export function describeChange(change: Change, desired: DesiredState): string[] {
  const fn = (name: string) => desired.functions.find((f) => f.name === name)!
  switch (change.kind) {
    case 'collection.create':
      return [`create collection ${change.collection}`]
    case 'collection.indexes':
      return [
        `indexes of ${change.collection}:`,
        ...change.drop.map((name) => `    drop ${name} (its keys changed)`),
        ...change.create.map((i) => `    create ${indexLabel(i)}`),
      ]
    case 'collection.rule':
      return [`security rule of ${change.collection}: ${change.rule}${change.from ? ` (was ${change.from})` : ''}`]
    case 'function.create': {
      const f = fn(change.fn)
      return [
        `create function ${f.name}: ${f.runtime}, ${f.handler}, timeout ${f.timeout} s, ${f.memorySize} MB, upload ${f.files.length} files (${(f.bytes / 1024).toFixed(0)} KB, code ${f.codeDigest})`,
        `    open APIs (config.json, uploaded with the code): ${f.openapi.join(', ') || 'none'}`,
        `    variables: ${Object.keys(f.envVariables).map((k) => describeVariable(k, f.envVariables[k])).join(', ') || 'none'}`,
      ]
    }
    case 'function.code': {
      const f = fn(change.fn)
      return [
        `upload code of ${f.name}: ${f.files.length} files (${(f.bytes / 1024).toFixed(0)} KB, code ${f.codeDigest}${change.from ? `, was ${change.from}` : ''})`,
        `    open APIs (config.json): ${f.openapi.join(', ') || 'none'}`,
      ]
    }
    case 'function.config': {
      const f = fn(change.fn)
      const parts = [...change.fields]
      if (change.env.added.length) parts.push(`set ${change.env.added.map((k) => describeVariable(k, f.envVariables[k])).join(', ')}`)
      if (change.env.changed.length) parts.push(`change ${change.env.changed.map((k) => describeVariable(k, f.envVariables[k])).join(', ')}`)
      if (change.env.removed.length) parts.push(`remove ${change.env.removed.join(', ')}`)
      return [`configure function ${f.name}: ${parts.join('; ')}`]
    }
    case 'function.triggers':
      return [
        `triggers of ${change.fn}:`,
        ...change.drop.map((name) => `    drop ${name}`),
        ...change.create.map((t) => `    create ${t.type} trigger ${t.name} "${t.config}"`),
      ]
    case 'function.http':
      return [
        `HTTP access for ${change.fn} at ${change.path} (${change.authRequired ? 'CloudBase authentication required' : 'no CloudBase authentication'})` +
          (change.from === 'auth' ? `: switch authentication ${change.authRequired ? 'on' : 'off'}` : ''),
      ]
    case 'storage.rule':
      return [`storage rule: read ${JSON.stringify(change.rule.read)}, write ${JSON.stringify(change.rule.write)} (仅创建者可读写)`]
  }
}

export function formatPlan(plan: Plan, desired: DesiredState): string {
  const lines: string[] = []
  lines.push(`Deploy plan for CloudBase environment ${plan.envId}`)
  if (!plan.againstKnownState) {
    lines.push('DRY RUN against an unknown (assumed empty) environment: no credentials were used and nothing was read or changed.')
    lines.push('Against a real environment that already has some of this, the deploy changes only what differs.')
  }
  lines.push(
    `Desired: ${desired.collections.length} collections (${desired.collections.reduce((n, c) => n + c.indexes.length, 0)} indexes), ` +
      `${desired.functions.length} functions (${desired.functions.map((f) => f.name).join(', ')}), storage rule`,
  )
  lines.push('')
  if (!plan.changes.length) lines.push('Nothing to change: the environment already matches the repository.')
  plan.changes.forEach((change, i) => {
    const [first, ...rest] = describeChange(change, desired)
    lines.push(`${String(i + 1).padStart(3)}. ${first}`)
    for (const line of rest) lines.push(`     ${line}`)
  })
  if (plan.notes.length) {
    lines.push('', 'Notes:')
    for (const n of plan.notes) lines.push(`  - ${n}`)
  }
  if (plan.blockers.length) {
    lines.push('', 'CANNOT DEPLOY:')
    for (const b of plan.blockers) lines.push(`  - ${b}`)
  }
  return lines.join('\n')
}
