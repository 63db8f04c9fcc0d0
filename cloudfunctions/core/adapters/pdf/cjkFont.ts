// The CJK font every generated PDF embeds (subset to the characters used). Noto Sans SC ships with
// the project's dependencies (@expo-google-fonts/noto-sans-sc, OFL); a bundled cloud function finds
// a copy in `fonts/` beside its bundle; MINYI_CJK_FONT_DIR points elsewhere.
import fs from 'node:fs'
import path from 'node:path'

export interface CjkFontFiles {
  regular: string
  bold: string
}

const FILES = { regular: 'NotoSansSC_400Regular.ttf', bold: 'NotoSansSC_700Bold.ttf' }

function inDir(dir: string): CjkFontFiles | null {
  const regular = path.join(dir, FILES.regular)
  const bold = path.join(dir, FILES.bold)
  return fs.existsSync(regular) && fs.existsSync(bold) ? { regular, bold } : null
}

function fromPackage(): CjkFontFiles | null {
  try {
    const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
    const regular = path.join(pkg, '400Regular', FILES.regular)
    const bold = path.join(pkg, '700Bold', FILES.bold)
    return fs.existsSync(regular) && fs.existsSync(bold) ? { regular, bold } : null
  } catch {
    return null
  }
}

export function findCjkFont(env: NodeJS.ProcessEnv = process.env, bundleDir: string = __dirname): CjkFontFiles {
  const found =
    (env.MINYI_CJK_FONT_DIR ? inDir(env.MINYI_CJK_FONT_DIR) : null) ?? inDir(path.join(bundleDir, 'fonts')) ?? fromPackage()
  if (!found) throw new Error('no CJK font found: install @expo-google-fonts/noto-sans-sc or set MINYI_CJK_FONT_DIR')
  return found
}

/** The file names a bundle must carry in its `fonts/` folder (scripts/buildFunctions.ts copies them). */
export const CJK_FONT_FILE_NAMES = [FILES.regular, FILES.bold]
