// Who the explorer is signed in as: the token in sessionStorage, checked
// with the API's `me`.
import { query, setToken, token, ApiError } from './api'

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN'
export interface Caller { name: string; role: Role | null }

let caller: Caller | null = null

export function signedIn(): Caller | null {
  return caller && caller.role ? caller : null
}

export function canEdit(): boolean {
  const r = signedIn()?.role
  return r === 'EDITOR' || r === 'ADMIN'
}

// refresh asks who the stored token belongs to; a refused token is dropped.
export async function refresh(): Promise<void> {
  if (!token()) {
    caller = null
    return
  }
  try {
    caller = (await query<{ me: Caller }>('Me')).me
  } catch (e) {
    if (e instanceof ApiError && (e.code === 'UNAUTHORIZED' || e.status === 401)) {
      setToken(null)
      caller = null
      return
    }
    throw e
  }
}

// signIn keeps secret when the service knows it and returns who it is.
export async function signIn(secret: string): Promise<Caller | null> {
  setToken(secret.trim())
  await refresh()
  if (!signedIn()) setToken(null)
  return signedIn()
}

export function signOut(): void {
  setToken(null)
  caller = null
}
