// Ids say their kind (`territory:brabantwijk`); pages are at /<kind>/<slug>.
const kindToPath: Record<string, string> = {
  territory: 'territory', project: 'project', org: 'organisation', funder: 'funder',
  theme: 'theme', targetgroup: 'targetgroup', function: 'function', consultation: 'consultation', meeting: 'meeting',
}
const pathToKind: Record<string, string> = Object.fromEntries(Object.entries(kindToPath).map(([k, p]) => [p, k]))

export function pageOf(id: string): string {
  const i = id.indexOf(':')
  const kind = id.slice(0, i)
  return `/${kindToPath[kind] ?? kind}/${encodeURIComponent(id.slice(i + 1))}`
}

export function idOf(page: string, slug: string): string | null {
  const kind = pathToKind[page]
  return kind ? `${kind}:${decodeURIComponent(slug)}` : null
}

export function kindOf(id: string): string {
  return id.slice(0, id.indexOf(':'))
}

export function pageKindOf(id: string): string {
  return kindToPath[kindOf(id)] ?? kindOf(id)
}
