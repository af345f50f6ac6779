import { h, fold } from '../dom'
import { t, lang, enumText } from '../i18n'
import { query } from '../api'
import { pageOf } from '../paths'
import type { Page, PageContext, Named } from '../page'

interface Conn<T> { totalCount: number; nodes: T[] }
interface SearchData {
  territories: Conn<Named & { kind: string }>
  projects: Conn<Named & { status: string | null }>
  organisations: Conn<Named & { acronym: string | null }>
  funders: Conn<Named & { acronym: string | null }>
  consultations: Conn<Named>
}
export interface TermsData {
  themes: (Named & { names: Record<string, string | null> })[]
  targetGroups: (Named & { names: Record<string, string | null> })[]
  functions: (Named & { names: Record<string, string | null>; framework: string; number: number })[]
}

const starters = ['territory:brussels-region', 'territory:brabantwijk', 'territory:limburg', 'project:boost', 'project:citisen']

export async function homePage(): Promise<Page> {
  const data = await query<{ nodes: (Named | null)[] }>('Names', { ids: starters, lang: lang().toUpperCase() })
  const known = new Map<string, string>()
  for (const n of data.nodes) if (n) known.set(n.id, n.name)
  return {
    title: t('home.title'),
    node: h('section', { class: 'home' },
      h('h1', null, t('home.title')),
      h('p', { class: 'lead' }, t('home.intro')),
      h('h2', null, t('home.start')),
      h('ul', { class: 'cards' }, starters.map((id) => h('li', null, h('a', { href: pageOf(id) }, known.get(id) ?? id))))),
  }
}

// The API's search covers organisations, projects, territories, funders and
// consultations; themes, target groups and functions have no search filter
// (they are few, and listed whole by the API), so they are matched here the
// same way (part of a name in any language, case and accents ignored).
export async function searchPage(ctx: PageContext): Promise<Page> {
  const q = (ctx.search.get('q') ?? '').trim()
  const title = t('search.results', { q })
  if (!q) return homePage()
  const [data, terms] = await Promise.all([
    query<SearchData>('Search', { q, lang: lang().toUpperCase() }),
    query<TermsData>('Terms', { lang: lang().toUpperCase() }),
  ])
  const needle = fold(q)
  const matches = (names: Record<string, string | null>) => Object.values(names).some((n) => n && fold(n).includes(needle))
  const themes = terms.themes.filter((th) => matches(th.names))
  const targetGroups = terms.targetGroups.filter((x) => matches(x.names))
  const functions = terms.functions.filter((x) => matches(x.names)).map((f) => ({ ...f, name: `${f.number}. ${f.name}`, extra: enumText('framework', f.framework) }))
  const groups: [string, { id: string; name: string; extra?: string }[], number][] = [
    ['kind.territory', data.territories.nodes.map((n) => ({ ...n, extra: enumText('territoryKind', n.kind) })), data.territories.totalCount],
    ['kind.project', data.projects.nodes.map((n) => ({ ...n, extra: n.status ? enumText('status', n.status) : undefined })), data.projects.totalCount],
    ['kind.organisation', data.organisations.nodes.map((n) => ({ ...n, extra: n.acronym ?? undefined })), data.organisations.totalCount],
    ['kind.funder', data.funders.nodes.map((n) => ({ ...n, extra: n.acronym ?? undefined })), data.funders.totalCount],
    ['kind.consultation', data.consultations.nodes, data.consultations.totalCount],
    ['kind.theme', themes, themes.length],
    ['kind.targetgroups', targetGroups, targetGroups.length],
    ['kind.functions', functions, functions.length],
  ]
  const found = groups.filter(([, items]) => items.length > 0)
  return {
    title,
    node: h('section', { class: 'search-results' },
      h('h1', null, title),
      found.length === 0 ? h('p', { role: 'status' }, t('search.nothing', { q })) : null,
      found.map(([key, items, total]) => h('section', { class: 'part', 'data-kind': key },
        h('h2', null, `${t(key)} (${total})`),
        h('ul', { class: 'results' }, items.map((n) => h('li', null, h('a', { href: pageOf(n.id) }, n.name), n.extra ? h('span', { class: 'muted' }, ` · ${n.extra}`) : null)))))),
  }
}
