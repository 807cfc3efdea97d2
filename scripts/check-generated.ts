/**
 * `npm run check:generated`: fails when a generated file no longer matches the Payload config –
 * cms/payload-types.ts (`payload generate:types`) or the admin import map (`payload generate:importmap`).
 * Both are regenerated in-process with Payload's own generators (what its CLI calls) into a temp
 * folder and compared with the checked-in files; the repo and its data/ stay untouched.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-generated-'))
const tmpTypes = path.join(tmp, 'payload-types.ts')

// Set before the config loads: no secret file or database under data/, and always SQLite, whose
// numeric IDs are what the checked-in types describe (MongoDB's would be strings).
Object.assign(process.env, {
  PAYLOAD_SECRET: 'check-generated-signs-nothing-0000000000',
  DATA_DIR: tmp,
  MEDIA_DIR: path.join(tmp, 'media'),
  DATABASE_URI: `file:${path.join(tmp, 'unused.db')}`,
  PAYLOAD_TS_OUTPUT_PATH: tmpTypes, // generateTypes writes here instead of typescript.outputFile
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
})

const normalize = (text: string) => text.replace(/\r\n/g, '\n')
const read = (file: string) =>
  fs.existsSync(file) ? normalize(fs.readFileSync(file, 'utf8')) : undefined

let stale = 0
try {
  const { generateImportMap } = await import('payload')
  const { generateTypes } = await import('payload/node')
  const config = await (await import('../cms/payload.config')).default

  const typesFile = config.typescript.outputFile
  await generateTypes(config, { log: false })
  // Payload rewrites the types unless they are equal byte for byte.
  if (read(typesFile) !== read(tmpTypes)) {
    console.error(
      `${path.relative(root, typesFile)} is stale: run npm run payload -- generate:types`,
    )
    stale++
  }

  // The same layout under the temp folder keeps the import paths (relative to baseDir) unchanged.
  const { baseDir = root, importMapFile } = config.admin.importMap
  if (!importMapFile)
    throw new Error('cms/payload.config.ts: admin.importMap.importMapFile is not set')
  const tmpBaseDir = path.join(tmp, 'base')
  const tmpImportMap = path.join(tmpBaseDir, path.relative(baseDir, importMapFile))
  fs.mkdirSync(path.dirname(tmpImportMap), { recursive: true })
  await generateImportMap(
    {
      ...config,
      admin: {
        ...config.admin,
        importMap: { ...config.admin.importMap, baseDir: tmpBaseDir, importMapFile: tmpImportMap },
      },
    },
    { force: true, log: false },
  )
  // Payload leaves the import map alone when only surrounding whitespace differs.
  if (read(importMapFile)?.trim() !== read(tmpImportMap)?.trim()) {
    console.error(
      `${path.relative(root, importMapFile)} is stale: run npm run payload -- generate:importmap`,
    )
    stale++
  }
} catch (error) {
  console.error(`check:generated failed: ${(error as Error).stack ?? error}`)
  stale++
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
process.exit(stale > 0 ? 1 : 0)
