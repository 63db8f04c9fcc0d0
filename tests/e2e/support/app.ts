// Starts the local runtime (server/main.ts, exactly what `npm start` runs after the h5 build) on a
// free port with a fresh data folder, and drives Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const root = path.resolve(__dirname, '..', '..', '..')
export const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface RunningApp {
  baseUrl: string
  dataDir: string
  output: () => string
  stop(): Promise<void>
}

export interface StartOptions {
  /** Run on an existing data folder (e.g. one a previous runtime left with `keepData`). */
  dataDir?: string
  /** Leave the data folder in place on `stop()`, to start again on it later (another clock). */
  keepData?: boolean
}

/** `env` adds variables for the runtime, e.g. `MINYI_DEV_NOW` to start its clock on a reception day. */
export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, 'dist-h5', 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` before the end-to-end tests')
  }
  const port = await freePort()
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-e2e-'))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, MINYI_KEY_FILE: path.join(dataDir, '..', `${path.basename(dataDir)}.key`), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (!output.includes('民意通已启动')) {
    if (child.exitCode !== null) throw new Error(`the local runtime exited early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`the local runtime did not start in time:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      if (!options.keepData) {
        fs.rmSync(dataDir, { recursive: true, force: true })
        fs.rmSync(path.join(dataDir, '..', `${path.basename(dataDir)}.key`), { force: true })
      }
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  // playwright's launch() refuses a --user-data-dir argument; it gives every launch a fresh profile
  // of its own in a temporary folder.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized page in its own browser context (its own localStorage: one person). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

/** A phone signed in as one demo user through the development sign-in (localStorage `minyi.devUser`). */
export async function signedInPhone(browser: Browser, userId: string): Promise<Page> {
  const page = await phonePage(browser)
  await page.context().addInitScript((id) => window.localStorage.setItem('minyi.devUser', id), userId)
  return page
}

let shotCounter = 0
/** Saves what the viewport shows under test-results/screenshots (gitignored). */
export async function viewportScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  shotCounter += 1
  const file = path.join(SCREENSHOT_DIR, `${String(shotCounter).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * A screenshot of the whole page for a person to look at. h5 pages scroll inside Taro's page
 * element, so the viewport is stretched to the content's height for the shot; the page's
 * slide-in animation and any success toast (which would cover the middle) are let finish first.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(500)
  await page
    .waitForFunction(
      () => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((el) => getComputedStyle(el).display === 'none' || el.style.opacity === '0'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined)
  const size = page.viewportSize() ?? { width: 390, height: 844 }
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page.taro_page_show')) as HTMLElement[]
    const scroller = pages[pages.length - 1]
    if (!scroller) return document.documentElement.scrollHeight
    scroller.scrollTop = 0
    return scroller.scrollHeight + (window.innerHeight - scroller.clientHeight)
  })
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) })
  await page.waitForTimeout(100)
  const file = await viewportScreenshot(page, name)
  await page.setViewportSize(size)
  return file
}
