// The `media` function: receives the platform's photo verdicts (message push wxa_media_check) and
// gives the safety office its queue of flagged photos, redaction and audited access to originals.
import { defineFunction } from '../../_shared/runtime'
import { mediaApi } from '../../../types/api/media'
import { mediaCheckPush, mediaRoutes } from '../../_shared/media'

export const main = defineFunction('media', mediaApi, mediaRoutes, { messagePush: mediaCheckPush })
