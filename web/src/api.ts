// The explorer's only way to the service: the GraphQL operations in
// src/operations (sent with their SHA-256 as a persisted-query extension, so
// that a server keeping an allow-list of trusted documents accepts them) and
// the export downloads.
import operations from 'virtual:operations'
import { lang } from './i18n'

export interface ApiErrorItem { message: string; code?: string; field?: string; path?: (string | number)[] }

export class ApiError extends Error {
  constructor(public readonly errors: ApiErrorItem[], public readonly status = 200) {
    super(errors.map((e) => e.message).join(' '))
  }
  get code(): string | undefined {
    return this.errors[0]?.code
  }
}

const tokenKey = 'buurtnet.token'

// The token lives in sessionStorage: it is gone when the tab closes, and
// no other site can read it.
export function token(): string | null {
  return sessionStorage.getItem(tokenKey)
}

export function setToken(secret: string | null): void {
  if (secret) sessionStorage.setItem(tokenKey, secret)
  else sessionStorage.removeItem(tokenKey)
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang() }
  const tok = token()
  if (tok) h.Authorization = `Bearer ${tok}`
  return h
}

interface GraphQLResponse<T> {
  data?: T
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string } }[]
}

function operation(name: string): { text: string; hash: string } {
  const op = operations[name]
  if (!op) throw new Error(`no operation ${name} in src/operations`)
  return op
}

function body(name: string, variables: Record<string, unknown>): Record<string, unknown> {
  const op = operation(name)
  return { operationName: name, query: op.text, variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.hash } } }
}

async function answer<T>(res: Response): Promise<T> {
  let json: GraphQLResponse<T>
  try {
    json = await res.json()
  } catch {
    throw new ApiError([{ message: `HTTP ${res.status}`, code: res.status === 401 ? 'UNAUTHORIZED' : 'UNAVAILABLE' }], res.status)
  }
  if (json.errors?.length) {
    throw new ApiError(json.errors.map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field, path: e.path })), res.status)
  }
  if (!json.data) throw new ApiError([{ message: `HTTP ${res.status}` }], res.status)
  return json.data
}

// query runs one of the explorer's operations by name.
export async function query<T>(name: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch('/query', { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify(body(name, variables)) })
  } catch {
    throw new ApiError([{ message: 'network', code: 'UNAVAILABLE' }], 0)
  }
  return answer<T>(res)
}

// upload runs an operation with one file, per the GraphQL multipart request
// spec (the variable `file`).
export async function upload<T>(name: string, file: File, variables: Record<string, unknown>): Promise<T> {
  const form = new FormData()
  form.append('operations', JSON.stringify(body(name, { ...variables, file: null })))
  form.append('map', JSON.stringify({ 0: ['variables.file'] }))
  form.append('0', file, file.name)
  let res: Response
  try {
    res = await fetch('/query', { method: 'POST', headers: { ...headers(), 'Apollo-Require-Preflight': 'true' }, body: form })
  } catch {
    throw new ApiError([{ message: 'network', code: 'UNAVAILABLE' }], 0)
  }
  return answer<T>(res)
}

// download fetches an export with the caller's token and saves it under the
// name the server gives.
export async function download(url: string): Promise<void> {
  const res = await fetch(url, { headers: headers() })
  if (!res.ok) {
    let message = `HTTP ${res.status}`
    let code: string | undefined
    let field: string | undefined
    try {
      const j = await res.json()
      message = j.error?.message ?? message
      code = j.error?.code
      field = j.error?.field
    } catch { /* not JSON */ }
    throw new ApiError([{ message, code, field }], res.status)
  }
  const blob = await res.blob()
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export'
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
