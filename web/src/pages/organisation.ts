import { h } from '../dom'
import { t, lang, enumText } from '../i18n'
import { query } from '../api'
import { idOf } from '../paths'
import { badge, facts, link, links, notFoundPage, period, section, table, type Named, type Page, type PageContext } from '../page'
import { contactsSection } from '../contacts'
import { canEdit } from '../session'
import { introductionsSection } from '../analysis'

interface OrgData {
  node: (Named & {
    acronym: string | null; kind: string | null; sectors: string[]; languageCommunity: string | null; enterpriseNumber: string | null
    website: string | null; description: string | null; source: string | null
    participations: { project: Named & { status: string | null; period: { start: string | null; end: string | null }; territories: { territory: Named }[] }; role: string; level: string | null }[]
    locatedIn: Named[]; serves: Named[]
  }) | null
}

export function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, T>()
  for (const i of items) if (!seen.has(i.id)) seen.set(i.id, i)
  return [...seen.values()].sort((a, b) => ('name' in a && 'name' in b ? String(a.name).localeCompare(String(b.name)) : 0))
}

export async function organisationPage(ctx: PageContext): Promise<Page> {
  const id = idOf('organisation', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<OrgData>('Organisation', { id, lang: lang().toUpperCase() })
  const o = data.node
  if (!o) return notFoundPage()
  const territories = uniqueById(o.participations.flatMap((x) => x.project.territories.map((pt) => pt.territory)))
  return {
    title: o.name,
    node: h('article', { class: 'entity organisation' },
      h('h1', null, o.name, o.acronym ? h('span', { class: 'muted' }, ` (${o.acronym})`) : null),
      h('p', { class: 'kind' }, t('kind1.organisation'), o.kind ? ` · ${enumText('orgKind', o.kind)}` : ''),
      o.description ? h('p', { class: 'lead' }, o.description) : null,
      facts([['org.sectors', o.sectors.length ? o.sectors.map((x) => enumText('sector', x)).join(', ') : null],
        ['org.community', o.languageCommunity], ['org.enterprise', o.enterpriseNumber],
        ['project.website', o.website ? h('a', { href: o.website, rel: 'noopener noreferrer' }, o.website) : null],
        ['org.locatedIn', o.locatedIn.length ? links(o.locatedIn) : null], ['org.serves', o.serves.length ? links(o.serves) : null],
        ['project.source', o.source]]),
      canEdit() ? h('p', { class: 'actions' }, h('a', { href: `/edit/organisation/${ctx.params[0]}` }, t('project.edit'))) : null,
      section('org.projects', table([t('kind1.project'), t('project.role'), t('project.level'), t('project.status'), t('project.period')],
        o.participations.map((x) => [link(x.project), enumText('role', x.role), x.level ? enumText('level', x.level) : '', badge('status', x.project.status), period(x.project.period)]))),
      section('org.territories', links(territories)),
      introductionsSection(o, ctx.search.get('on') ?? ''),
      await contactsSection(id)),
  }
}
