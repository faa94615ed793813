// The `org` function: the floor behind a QR code, its captains, categories, buildings; and the
// administration of all of it (places, roster, binding). Roster files and posters live in `admin`.
import { defineFunction } from '../../_shared/runtime'
import { orgApi } from '../../../types/api/org'
import { orgRoutes } from '../../_shared/org'

export const main = defineFunction('org', orgApi, orgRoutes)
