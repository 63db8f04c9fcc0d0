// What a 民意码 / 代表码 / 邀请码 / 回执 encodes. WeChat's `scene` holds at most 32 visible characters,
// so it carries short codes, never database ids: `s=<stationCode>`, `d=<deputyCode>`,
// `i=<invitationCode>`, or `c=<claimCode>` on a 回执 (the receipt slip of an opinion staff registered
// for a resident, 代录).
export type Scene =
  | { kind: 'station'; code: string }
  | { kind: 'deputy'; code: string }
  | { kind: 'invitation'; code: string }
  | { kind: 'claim'; code: string }

const CODE = /^[0-9A-Za-z_-]{1,20}$/
const PREFIX: Record<Scene['kind'], string> = { station: 's', deputy: 'd', invitation: 'i', claim: 'c' }
const KIND: Record<string, Scene['kind']> = { s: 'station', d: 'deputy', i: 'invitation', c: 'claim' }

export function buildScene(scene: Scene): string {
  if (!CODE.test(scene.code)) throw new Error(`invalid code for a scene: ${scene.code}`)
  return `${PREFIX[scene.kind]}=${scene.code}`
}

/** Parses a scene as it arrives (possibly percent-encoded, once or twice); null if it is not ours. */
export function parseScene(raw: string | undefined | null): Scene | null {
  if (!raw) return null
  let value = raw
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(value); i += 1) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return null
    }
  }
  const match = /^([sdic])=([0-9A-Za-z_-]{1,20})$/.exec(value.trim())
  if (!match) return null
  return { kind: KIND[match[1]], code: match[2] }
}
