// Generated portrait placeholders for demo deputies: the surname on a coloured disc, as SVG.
const COLOURS = ['#b23a3a', '#2f6f9f', '#3f7f4f', '#8a5a2b', '#6a4c93', '#1f7a7a']

export function avatarSvg(name: string, seed: string): string {
  const colour = COLOURS[[...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % COLOURS.length]
  const initial = [...name][0] ?? '代'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
<rect width="160" height="160" rx="80" fill="${colour}"/>
<text x="80" y="80" dy="0.35em" text-anchor="middle" font-size="72" font-family="'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif" fill="#fff">${initial}</text>
</svg>`
}

/** The owner of the demo portraits in the local file store (no user signs in as it). */
export const DEMO_PORTRAIT_OWNER = { userId: 'demo-portraits', openid: 'demo-portraits' }

/**
 * The demo deputies' SVG placeholders as PNG files in the local file store, so that they are drawn
 * on posters like an uploaded photo (the PDF and the preview take PNG/JPEG only). Rendered with
 * @napi-rs/canvas (its SVG renderer, with the project's CJK font registered for the surname).
 * Run by the local runtime after seeding: every deputy still on `/files/avatars/<code>.svg` gets its
 * PNG and the file id instead (a conditional update, so a photo uploaded meanwhile is kept). The
 * files are not in `photo_uploads`: the cleanup timer never sees them. Returns how many it converted;
 * when the canvas cannot render, nothing changes and posters keep the initials disc.
 */
export async function demoPortraitsToPng(
  store: import('../cloudfunctions/core/ports/store').Store,
  files: Pick<import('../cloudfunctions/core/adapters/local/localFileStore').LocalFileStore, 'put'>,
  log: (message: string, detail?: unknown) => void = () => undefined,
): Promise<number> {
  const deputies = store.collection<import('../cloudfunctions/core/domain/records').DeputyDoc>('deputies')
  const pending = (await deputies.find({}, { sort: [['code', 1]], limit: 1000 })).filter((d) => /^\/files\/avatars\/[A-Za-z0-9_-]+\.svg$/.test(d.photoUrl))
  if (!pending.length) return 0
  let canvas: typeof import('@napi-rs/canvas')
  try {
    canvas = await import('@napi-rs/canvas')
    const { findCjkFont } = await import('../cloudfunctions/core/adapters/pdf/cjkFont')
    const font = findCjkFont()
    canvas.GlobalFonts.registerFromPath(font.bold ?? font.regular, 'MinyiAvatar')
  } catch (error) {
    log('demo portraits stay SVG (no canvas or font)', String(error))
    return 0
  }
  let converted = 0
  for (const d of pending) {
    // Skia's SVG renderer ignores `dy`: the baseline is placed directly.
    const svg = avatarSvg(d.name, d.code).replace('y="80" dy="0.35em"', 'y="106"').replace('font-family="', 'font-family="MinyiAvatar,')
    try {
      const image = await canvas.loadImage(Buffer.from(svg))
      const c = canvas.createCanvas(320, 320)
      c.getContext('2d').drawImage(image, 0, 0, 320, 320)
      const stored = await files.put(DEMO_PORTRAIT_OWNER, c.toBuffer('image/png'))
      if (!stored.ok) continue
      converted += await deputies.update({ _id: d._id, photoUrl: d.photoUrl }, { set: { photoUrl: stored.fileId } })
    } catch (error) {
      log('a demo portrait could not be converted', { deputyId: d._id, error: String(error) })
    }
  }
  return converted
}
