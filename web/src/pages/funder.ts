import { h } from '../dom'
import { t, lang, enumText, formatMoney } from '../i18n'
import { query } from '../api'
import { idOf } from '../paths'
import { badge, facts, link, links, notFoundPage, period, section, table, type Named, type Page, type PageContext } from '../page'
import { canEdit } from '../session'
import { uniqueById } from './organisation'

interface FunderData {
  node: (Named & {
    acronym: string | null; level: string | null; website: string | null; source: string | null
    fundings: { project: Named & { status: string | null; territories: { territory: Named }[] }; amount: number | null; period: { start: string | null; end: string | null } }[]
  }) | null
}

export async function funderPage(ctx: PageContext): Promise<Page> {
  const id = idOf('funder', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<FunderData>('Funder', { id, lang: lang().toUpperCase() })
  const f = data.node
  if (!f) return notFoundPage()
  return {
    title: f.name,
    node: h('article', { class: 'entity funder' },
      h('h1', null, f.name, f.acronym ? h('span', { class: 'muted' }, ` (${f.acronym})`) : null),
      h('p', { class: 'kind' }, t('kind1.funder'), f.level ? ` · ${enumText('funderLevel', f.level)}` : ''),
      facts([['project.website', f.website ? h('a', { href: f.website, rel: 'noopener noreferrer' }, f.website) : null], ['project.source', f.source]]),
      canEdit() ? h('p', { class: 'actions' }, h('a', { href: `/edit/funder/${ctx.params[0]}` }, t('project.edit'))) : null,
      section('funder.fundings', table([t('kind1.project'), t('project.status'), t('project.amount'), t('project.period')],
        f.fundings.map((x) => [link(x.project), badge('status', x.project.status), formatMoney(x.amount), period(x.period)]))),
      section('funder.territories', links(uniqueById(f.fundings.flatMap((x) => x.project.territories.map((pt) => pt.territory)))))),
  }
}
