/** Builds once with the given worker into the given folder and leaves the process to end by itself. */
import { SiteBuilder } from '../siteBuilder'

const [worker, outDir] = process.argv.slice(2)
await new SiteBuilder(Number.MAX_SAFE_INTEGER, worker).build(outDir!)
