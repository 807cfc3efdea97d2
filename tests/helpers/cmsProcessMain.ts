/**
 * Entry of startCmsProcess: a local CMS on the env it was given that resumes interrupted work, as
 * a start does, and stops on SIGTERM as `npm start`'s server does (scripts/lib/gracefulShutdown).
 */
import { resumeJobs } from '../../cms/bootstrap/resumeJobs'
import { exitGracefully } from '../../scripts/lib/gracefulShutdown'
import { startLocalCms } from '../../scripts/lib/localCms'
import { seedSubscribers } from '../../scripts/lib/seedSubscribers'

const cms = await startLocalCms({ reuseEnv: true })
if (process.env.SEED_SUBSCRIBERS)
  await seedSubscribers(cms.payload, Number(process.env.SEED_SUBSCRIBERS))
await resumeJobs(cms.payload)
exitGracefully(cms.server)
console.log(`CMS_URL=${cms.url}`)
