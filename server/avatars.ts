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
