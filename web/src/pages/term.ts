import { h } from '../dom'
import { t, lang, enumText } from '../i18n'
import { query } from '../api'
import { idOf } from '../paths'
import { badge, facts, link, notFoundPage, section, table, type Named, type Page, type PageContext } from '../page'
import { canEdit } from '../session'

interface TermData {
  node: (Named & { __typename: string; description: string | null; source: string | null; framework?: string; number?: number; pillar?: string | null
    projects: (Named & { status: string | null })[] }) | null
}

// Themes, target groups and functions share one page: what they are and
// which projects work on them.
export async function termPage(ctx: PageContext): Promise<Page> {
  const id = idOf(ctx.first, ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<TermData>('Term', { id, lang: lang().toUpperCase() })
  const n = data.node
  if (!n || !('projects' in n)) return notFoundPage()
  const kindKey = ctx.first === 'theme' ? 'kind1.theme' : `kind.${ctx.first}`
  return {
    title: n.name,
    node: h('article', { class: 'entity term' },
      h('h1', null, n.number ? `${n.number}. ` : '', n.name),
      h('p', { class: 'kind' }, t(kindKey), n.framework ? ` · ${enumText('framework', n.framework)}` : ''),
      n.description ? h('p', { class: 'lead' }, n.description) : null,
      facts([['project.source', n.source]]),
      canEdit() && ctx.first === 'theme' ? h('p', { class: 'actions' }, h('a', { href: `/edit/theme/${ctx.params[0]}` }, t('project.edit'))) : null,
      section('term.projects', table([t('kind1.project'), t('project.status')], n.projects.map((p) => [link(p), badge('status', p.status)])))),
  }
}
