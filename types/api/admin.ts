// The `admin` function: roster files (import, export), floor posters and round reports — the desk
// work whose libraries (exceljs, pdfkit and the CJK font) stay out of the functions people wait on.
import { z } from 'zod'
import { FileId, Id, RosterPreview, StoredFile } from './org-admin'

export const adminApi = {
  'roster.import': {
    input: z.object({ fileID: FileId, dryRun: z.boolean() }).strict(),
    output: RosterPreview,
  },
  'roster.export': {
    input: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    output: StoredFile.extend({ rows: z.number() }),
  },
  /** A round's report as a PDF (the posters' PDF stack and font). */
  'rounds.pdf': {
    input: z.object({ id: Id }).strict(),
    output: StoredFile,
  },
  posters: {
    input: z.object({ buildingId: Id.optional(), floorId: Id.optional() }).strict(),
    output: StoredFile.extend({ pages: z.number() }),
  },
}
