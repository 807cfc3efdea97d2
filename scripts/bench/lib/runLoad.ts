import { spawn } from 'node:child_process'
import path from 'node:path'

/** What one load child runs (scripts/bench/lib/load.ts). */
export type LoadSpec = {
  url: string
  connections: number
  /** Seconds; ignored when `amount` is set. */
  duration?: number
  /** Requests per second over all connections (an open load: latency is service time, not queueing). */
  overallRate?: number
  /** Stop after this many requests instead (warm-up). */
  amount?: number
  timeoutSeconds?: number
  headers?: Record<string, string>
  /** POST a new comment per request, each from a distinct address tagged with `tag`. */
  postComments?: { tag: string; formToken: string }
  /** The status a good answer has (200, 201, 304); anything else counts as unexpected. */
  expectStatus: number
}

/** Latencies in ms, rates per second. */
export type LoadResult = {
  seconds: number
  /** Mean answered requests per second (autocannon's per-second samples). */
  rps: number
  /** Answers with the expected status per second over the whole run. */
  expectedPerSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  answered: number
  expected: number
  unexpected: number
  /** Connection errors, timeouts included (autocannon counts a timeout as an error too). */
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  /** Bodies generated (POST loads): requests started, answered or not. */
  sent: number
  /** Requests still unanswered when the load stopped (autocannon drops them). */
  inFlightAtStop: number
  /** CPU the load generator itself used (user + system). */
  cpuSeconds: number
  /** POST loads: the numbers (in the address) of the comments answered 201. */
  created: number[]
  /** POST loads: the numbers of those answered with any other status. */
  refused: number[]
}

/** Runs one load in its own Node process (this Node, with tsx) and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // autocannon's timers warn about negative timeouts near the end of a run.
        '--disable-warning=TimeoutNegativeWarning',
        '--import',
        'tsx',
        path.resolve('scripts/bench/lib/load.ts'),
        JSON.stringify(spec),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('LOAD '))
      if (code !== 0 || !line)
        reject(new Error(`load failed (exit ${code}): ${output.slice(-2000)}`))
      else resolve(JSON.parse(line.slice(5)) as LoadResult)
    })
  })
}
