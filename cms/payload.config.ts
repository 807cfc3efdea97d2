import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig } from 'payload'
import prettyLog from 'pino-pretty'
import sharp from 'sharp'
import { Articles } from './collections/Articles'
import { CommentReactions } from './collections/CommentReactions'
import { Comments } from './collections/Comments'
import { CommentThreads } from './collections/CommentThreads'
import { DigestItems } from './collections/DigestItems'
import { EmailDeliveries } from './collections/EmailDeliveries'
import { Redirects } from './collections/Redirects'
import { Shares } from './collections/Shares'
import { Subscriptions } from './collections/Subscriptions'
import { Media } from './collections/Media'
import { RateLimits } from './collections/RateLimits'
import { Users } from './collections/Users'
import { logDestination } from './config/logDestination'
import { payloadSecret } from './config/secret'
import { checkRateLimitConfig } from './http/rateLimits'
import { cmsUrl, siteUrl } from './config/urls'
import { commentEndpoints } from './comments/endpoints'
import { databaseAdapter } from './database/adapter'
import { resendEndpoint } from './email/resendEndpoint'
import { autoRunQueues } from './jobs/queues'
import { enforceRetentionTask } from './privacy/retentionTask'
import { CommentSettings } from './globals/CommentSettings'
import { SiteBuild } from './globals/SiteBuild'
import { redactLogArguments } from './utilities/redactLog'
import { notificationTasks } from './notifications/tasks'
import { buildComments, buildStamps } from './publishing/bulkReads'
import { rebuildNow } from './publishing/endpoints'
import { warmSiteBuilder } from './publishing/builder/buildSite'
import { rebuildSite } from './publishing/tasks'
import { privacyEndpoints } from './privacy/endpoints'
import { share, shareCount } from './sharing/endpoints'
import { subscriptionEndpoints } from './subscriptions/endpoints'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: cmsUrl(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    Articles,
    Comments,
    CommentReactions,
    CommentThreads,
    DigestItems,
    Subscriptions,
    // The endpoint lives with the sender (cms/email), which depends on the collection, not back.
    { ...EmailDeliveries, endpoints: [resendEndpoint] },
    Shares,
    Redirects,
    Media,
    Users,
    RateLimits,
  ],
  globals: [CommentSettings, SiteBuild],
  // Settings read per request, checked once at start; the build process started ahead of use.
  onInit: () => {
    checkRateLimitConfig()
    warmSiteBuilder()
  },
  endpoints: [
    ...commentEndpoints,
    ...subscriptionEndpoints,
    share,
    shareCount,
    rebuildNow,
    buildStamps,
    buildComments,
    ...privacyEndpoints,
  ],
  jobs: {
    tasks: [...notificationTasks, rebuildSite, enforceRetentionTask],
    // Jobs run in the server process only (npm start / npm run dev set RUN_JOBS), not in scripts.
    shouldAutoRun: () => process.env.RUN_JOBS === 'true',
    autoRun: autoRunQueues,
    deleteJobOnComplete: true,
  },
  admin: {
    user: Users.slug,
    // Payload's default is Gravatar: a request to a third party, with a hash of the editor's address.
    avatar: 'default',
    // Why mail waits (daily budget) or fails, for every editor on arrival.
    // Export and erase per email address (DSGVO), for editors: cms/privacy.
    components: {
      beforeDashboard: ['/email/MailStatusBanner#MailStatusBanner'],
      afterDashboard: ['/privacy/PrivacyTools#PrivacyTools'],
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' – Leuchtturm' },
  },
  i18n: { supportedLanguages: { de, en }, fallbackLanguage: 'de' },
  // No global CORS: cms/http/cors.ts gives each route kind its own (the REST route applies it).
  cors: [],
  csrf: [siteUrl(), cmsUrl()],
  telemetry: false,
  logger: {
    options: {
      level: process.env.LOG_LEVEL ?? 'info',
      hooks: { logMethod: redactLogArguments },
    },
    destination: prettyLog({
      colorize: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
      destination: logDestination(),
    }),
  },
  graphQL: { disable: true },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
