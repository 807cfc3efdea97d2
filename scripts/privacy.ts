/**
 * `npm run privacy -- export <email> [--out file.json]`: everything stored about the address, as JSON.
 * `npm run privacy -- erase <email>`: anonymises its comments, deletes the rest, prints the counts.
 * Bad input (unknown action, invalid address) stops with one line and exit 1.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { logToStderr } from '../cms/config/logDestination'
import { privacyInput } from '../cms/privacy/input'

const USAGE = 'usage: npm run privacy -- export <email> [--out file.json] | erase <email>'

function fail(text: string): never {
  console.error(text)
  process.exit(1)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' } },
  })
}
try {
  parsed = parse()
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`)
}
const [action, email, ...rest] = parsed.positionals
if ((action !== 'export' && action !== 'erase') || rest.length > 0) fail(USAGE)
const input = privacyInput.safeParse({ email })
if (!input.success) fail(`"${email ?? ''}" is not a valid email address\n${USAGE}`)

// stdout is the export: Payload's log lines go to stderr.
logToStderr()
// Loaded after the input is checked: a typo answers at once, without opening the database.
const { openPayload } = await import('../cms/bootstrap/openPayload')
const payload = await openPayload()
try {
  if (action === 'export') {
    const { exportPersonalData } = await import('../cms/privacy/export')
    const json = `${JSON.stringify(await exportPersonalData(payload, input.data.email), null, 2)}\n`
    if (parsed.values.out) {
      writeFileSync(parsed.values.out, json, { mode: 0o600 })
      console.error(`written to ${parsed.values.out}`)
    } else process.stdout.write(json)
  } else {
    const { erasePersonalData } = await import('../cms/privacy/erase')
    const counts = await erasePersonalData(payload, input.data.email)
    for (const [kind, count] of Object.entries(counts)) console.log(`${kind.padEnd(20)} ${count}`)
  }
} finally {
  await payload.destroy()
}
process.exit(0)
