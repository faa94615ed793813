// The `org` function: floors, captains and categories as the report page needs them.
import { z } from 'zod'
import { orgAdminApi } from './org-admin'

export const Captain = z.object({
  name: z.string(),
  phone: z.string(),
  duty: z.string(),
  deputy: z.boolean(),
})
export const FloorHeader = z.object({
  floor: z.object({ id: z.string(), name: z.string(), level: z.number() }),
  building: z.object({ id: z.string(), name: z.string() }),
  captains: z.array(Captain),
})
export type FloorHeader = z.infer<typeof FloorHeader>

export const Category = z.object({
  id: z.string(),
  name: z.string(),
  icon: z.string(),
  severity: z.string(),
  slaHours: z.number(),
})
export type Category = z.infer<typeof Category>

export const BuildingFloors = z.object({
  id: z.string(),
  name: z.string(),
  floors: z.array(z.object({ id: z.string(), name: z.string(), scene: z.string() })),
})

export const orgApi = {
  floorByScene: {
    input: z.object({ scene: z.string().min(1).max(32) }).strict(),
    output: FloorHeader,
  },
  floor: { input: z.object({ floorId: z.string().min(1).max(32) }).strict(), output: FloorHeader },
  categories: { input: z.object({}).strict(), output: z.array(Category) },
  buildings: { input: z.object({}).strict(), output: z.array(BuildingFloors) },
  ...orgAdminApi,
}
