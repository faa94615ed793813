// Chinese labels for codes the server sends.

/** Role code → what staff call it. */
export const ROLE_LABELS: Record<string, string> = {
  staff: '员工',
  floor_captain: '层长',
  coordinator: '协管员',
  building_captain: '楼长',
  safety_office: '安全办',
  leader: '院领导',
  admin: '管理员',
}
