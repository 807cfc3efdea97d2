/**
 * `tsx scripts/bench/serving.ts [baselineStaticServer.ts]`: the serving step of the build and the
 * static server. Seeds BENCH_ARTICLES articles (default 1,000) plus the MDX articles (the first gets
 * 20 approved comments), builds twice into new folders sharing one cache (cold and warm
 * precompression, from the integration's log line), then loads an article page with autocannon
 * (10 connections, 10 s, `Accept-Encoding: br, gzip`) on this static server and, when a path to
 * another `staticServer.ts` is given (e.g. main's), on that one too.
 */
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { importArticles } from '../../cms/content/importArticles'
import { articlePath } from '../../contract'
import { commentWriter } from '../../site/components/comments/test/generate'
import { childEnv } from '../lib/configVariables'
import { paragraph } from '../lib/lexical'
import { startLocalCms } from '../lib/localCms'
import { precompress } from '../../site/serving/precompress'
import { createStaticServer, listen } from '../lib/staticServer'

const count = Number(process.env.BENCH_ARTICLES ?? 1000)
const SLUG = 'social-media-nutzen-mittelstand'
const cms = await startLocalCms()
try {
  await importArticles(cms.payload, path.resolve('content/articles'))
  const words = Array.from({ length: 600 }, (_, i) => `Wort${i % 50}`).join(' ')
  for (let i = 0; i < count; i++)
    await cms.payload.create({
      collection: 'articles',
      data: {
        title: `Beitrag ${i}`,
        slug: `beitrag-${i}`,
        body: paragraph(words),
        tags: [`Thema ${i % 20}`],
        _status: 'published',
      },
    })
  const seed = (
    await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
  ).docs[0]!
  const writer = commentWriter()
  for (let c = 0; c < 20; c++)
    await cms.payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      data: {
        article: seed.id,
        depth: 1,
        authorName: writer.name(),
        authorEmail: `leser${c}@example.de`,
        body: writer.text(writer.length(300)),
        status: 'approved',
      },
    })

  const build = (name: string) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now()
      const env = childEnv({
        CMS_URL: cms.url,
        SITE_OUT_DIR: path.join(cms.dir, name),
        ASTRO_CACHE_DIR: path.join(cms.dir, 'cache'),
      })
      const child = spawn('astro', ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(text))
        const line = /\d+ redirects.*reused \(\d+ ms\)/.exec(text)?.[0]
        console.log(`${name}: build ${((Date.now() - started) / 1000).toFixed(1)} s; ${line}`)
        resolve(path.join(cms.dir, name))
      })
    })
  await build('cold')
  const site = await build('warm')
  // The step alone, as after an incremental build whose unchanged pages were copied: every file
  // of the last build again in a new folder, the cache full.
  const again = path.join(cms.dir, 'again')
  fs.cpSync(site, again, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) })
  let started = performance.now()
  const warm = await precompress(again, path.join(cms.dir, 'cache', 'compressed'))
  console.log(
    `precompress, unchanged build: ${JSON.stringify(warm)} in ${Math.round(performance.now() - started)} ms`,
  )
  fs.rmSync(again, { recursive: true })
  fs.cpSync(site, again, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) })
  started = performance.now()
  const cold = await precompress(again, path.join(cms.dir, 'empty-cache'))
  console.log(
    `precompress, empty cache: ${JSON.stringify(cold)} in ${Math.round(performance.now() - started)} ms`,
  )
  if (process.env.BENCH_KEEP) fs.cpSync(site, process.env.BENCH_KEEP, { recursive: true })

  const servers: [string, http.Server][] = [['this branch', createStaticServer(() => site)]]
  if (process.argv[2]) {
    const baseline = (await import(path.resolve(process.argv[2]))) as {
      createStaticServer: typeof createStaticServer
    }
    servers.unshift([process.argv[2], baseline.createStaticServer(() => site)])
  }
  for (const [name, server] of servers) {
    await listen(server, 0)
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${articlePath(SLUG)}`
    const probe = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } })
    // In another process, so this one keeps serving.
    const load = await promisify(execFile)(
      'autocannon',
      ['-c', '10', '-d', '10', '-j', '-H', 'Accept-Encoding: br, gzip', url],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    )
    const result = JSON.parse(load.stdout) as {
      requests: { average: number }
      throughput: { average: number }
      non2xx: number
    }
    console.log(
      `${name}: ${probe.headers.get('content-encoding') ?? 'identity'} ${probe.headers.get('content-length')} bytes, ${Math.round(result.requests.average)} req/s, ${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s, non-2xx ${result.non2xx}`,
    )
    server.close()
  }
} finally {
  await cms.stop()
}
