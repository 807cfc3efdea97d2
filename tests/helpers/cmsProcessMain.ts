/** Entry of startCmsProcess: a local CMS on the caller's env that resumes interrupted work, as a start does. */
import { resumeJobs } from '../../cms/bootstrap/resumeJobs'
import { startLocalCms } from '../../scripts/lib/localCms'

const cms = await startLocalCms({ reuseEnv: true })
await resumeJobs(cms.payload)
console.log(`CMS_URL=${cms.url}`)
