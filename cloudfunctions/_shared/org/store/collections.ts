// The org wing's collections, named once: org.ts reads them, org-admin.ts writes them.
export const BUILDINGS = 'buildings'
export const FLOORS = 'floors'
export const DUTIES = 'duties'
export const CATEGORIES = 'categories'
export const DEPARTMENTS = 'departments'
