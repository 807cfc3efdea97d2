import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { message } from '../../i18n/messages'

/** The image types an upload may have: raster only. SVG can carry script and is refused. */
export const RASTER_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']
const RASTER_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif)$/i

/** Markup (SVG, HTML, XML) starts with `<` after optional whitespace or a byte order mark. */
function looksLikeMarkup(data: Buffer | undefined): boolean {
  if (!data) return false
  const head = data
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  return head.startsWith('<')
}

/**
 * Refuses any upload that is not a raster image, before Payload stores anything, with a message
 * the editor understands (Payload's own content check, `upload.mimeTypes`, stays behind it).
 */
export const rasterOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const raster =
    RASTER_TYPES.includes(file.mimetype.toLowerCase()) &&
    RASTER_EXTENSIONS.test(file.name) &&
    !looksLikeMarkup(file.data)
  if (raster) return args
  const locale = req.i18n?.language === 'en' ? 'en' : 'de'
  throw new APIError(message(locale, 'uploadRasterOnly'), 400, undefined, true)
}
