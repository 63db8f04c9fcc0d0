export interface DemoUser {
  id: string
  name: string
  role: 'resident' | 'deputy' | 'staff' | 'admin'
  roleLabel: string
  description: string
}

/** The local runtime's demo users (h5 development sign-in only). */
export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch(`${process.env.TARO_APP_API_BASE || ''}/api/dev/users`, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const body = (await response.json()) as { users?: DemoUser[] }
  return body.users ?? []
}
