// Writes docs/api.md from the action catalog (types/actions). A test fails when the file is stale.
import fs from 'node:fs'
import path from 'node:path'
import { renderApiDoc } from '../cloudfunctions/core/api/catalog'

const file = path.resolve(__dirname, '..', 'docs', 'api.md')
fs.mkdirSync(path.dirname(file), { recursive: true })
fs.writeFileSync(file, renderApiDoc())
console.log(`wrote ${path.relative(process.cwd(), file)}`)
