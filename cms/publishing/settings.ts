import path from 'node:path'
import { numberSetting } from '../config/numberSetting'

/** Where builds go and how rebuilds are triggered, from the environment. */
export const publishingSettings = () => ({
  /** Off for a CMS whose site is built elsewhere (and in tests that are not about publishing). */
  autoRebuild: process.env.SITE_AUTO_REBUILD !== 'false',
  /** A static host's deploy hook: called instead of building here. */
  deployHook: process.env.SITE_DEPLOY_HOOK?.trim() || undefined,
  /** Changes within this window give one build. */
  debounceMs: numberSetting('REBUILD_DEBOUNCE_MS', 3000),
  /** The served site: a symlink switched atomically to the newest good build. */
  siteDir: path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.SITE_OUT_DIR ?? 'dist/site',
  ),
  keepBuilds: 3,
  /** The build process is replaced when a build leaves it larger than this. */
  builderMaxRssMb: numberSetting('SITE_BUILDER_MAX_RSS_MB', 2048),
})
