// What a 民意码 / 代表码 encodes. WeChat's `scene` holds at most 32 visible characters, so it
// carries short codes, never database ids: `s=<stationCode>` or `d=<deputyCode>`.
export type Scene = { kind: 'station'; code: string } | { kind: 'deputy'; code: string }

const CODE = /^[0-9A-Za-z_-]{1,20}$/

export function buildScene(scene: Scene): string {
  if (!CODE.test(scene.code)) throw new Error(`invalid code for a scene: ${scene.code}`)
  return `${scene.kind === 'station' ? 's' : 'd'}=${scene.code}`
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
  const match = /^([sd])=([0-9A-Za-z_-]{1,20})$/.exec(value.trim())
  if (!match) return null
  return { kind: match[1] === 's' ? 'station' : 'deputy', code: match[2] }
}
