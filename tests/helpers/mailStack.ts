import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'

export type MailStack = { cms: LocalCms; resend: FakeResend; stop: () => Promise<void> }

/**
 * The CMS with its mail going to a fake Resend (100 requests/s unless `env` says otherwise). The
 * env is set before the CMS loads: the sender reads its settings once, when loaded.
 */
export async function startMailStack(
  env: Record<string, string> = {},
  resendOptions: Parameters<typeof startFakeResend>[0] = {},
): Promise<MailStack> {
  const resend = await startFakeResend(resendOptions)
  Object.assign(process.env, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '100',
    ...env,
  })
  const cms = await startLocalCms()
  return {
    cms,
    resend,
    stop: async () => {
      await cms.stop()
      await resend.stop()
    },
  }
}
