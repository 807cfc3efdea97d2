/**
 * `npm run migrate:create -- <name>`: writes a new SQL migration for the current collections.
 * Payload's generator imports the argument types as values, which tsx (and Node) reject;
 * this rewrites that one line to a type import.
 */
import fs from 'node:fs'
import path from 'node:path'
import { run } from './lib/processes'

const name = process.argv[2]
if (!name) {
  console.error('Usage: npm run migrate:create -- <name>')
  process.exit(1)
}
const dir = path.resolve('cms/migrations')
const before = new Set(fs.readdirSync(dir))
await run('payload', ['migrate:create', name], {
  env: { PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' },
})
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !before.has(f))) {
  const source = fs.readFileSync(path.join(dir, file), 'utf8')
  fs.writeFileSync(
    path.join(dir, file),
    source.replace(
      /^import \{ MigrateUpArgs, MigrateDownArgs, sql \}/m,
      'import { type MigrateDownArgs, type MigrateUpArgs, sql }',
    ),
  )
  console.log(`cms/migrations/${file}`)
}
