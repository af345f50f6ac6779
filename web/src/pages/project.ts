import { h } from '../dom'
import { t, lang, enumText, formatMoney } from '../i18n'
import { query } from '../api'
import { idOf } from '../paths'
import { badge, facts, link, links, notFoundPage, period, section, table, type Named, type Page, type PageContext } from '../page'
import { stakeholderMap, type StakeholderData } from '../stakeholder'
import { contactsSection } from '../contacts'
import { canEdit } from '../session'

type P = { start: string | null; end: string | null }
interface Partner { organisation: Named; role: string; level: string | null; period: P; note: string | null }
interface ProjectData {
  node: (Named & {
    description: string | null; status: string | null; website: string | null; source: string | null; period: P
    coordinators: { id: string }[]
    partners: Partner[]
    territories: { territory: Named; coverage: string; period: P }[]
    fundings: { funder: Named; amount: number | null; period: P }[]
    themes: Named[]; targetGroups: Named[]; functions: (Named & { framework: string; number: number })[]
    collaborations: { project: Named; period: P }[]
    programme: Named | null; actionPackages: Named[]
  }) | null
  stakeholderMap: StakeholderData
  overlapCount: number
  overlaps: {
    project: Named; period: P
    places: { territory: Named; otherTerritory: Named; relation: string; period: P }[]
    sharedPartners: Named[]; sharedThemes: Named[]; subjectFunders: Named[]; funders: Named[]
  }[]
}

// partnersTable shows each partner's role and level; a link's note (e.g.
// that a level is a reading of the leaflet rather than its words) is often
// the same for many partners, so each distinct note is written once under
// the table and the levels point to it.
function partnersTable(partners: Partner[]): HTMLElement {
  const notes: string[] = []
  const noteOf = (n: string | null): number => {
    if (!n) return 0
    const i = notes.indexOf(n)
    if (i >= 0) return i + 1
    notes.push(n)
    return notes.length
  }
  const rows = partners.map((x) => {
    const n = noteOf(x.note)
    const level = x.level ? enumText('level', x.level) : h('span', { class: 'muted' }, t('project.unassessed'))
    return [link(x.organisation), enumText('role', x.role),
      n ? [level, ' ', h('a', { href: `#partner-note-${n}`, class: 'note-ref', 'aria-label': t('project.noteRef', { n }) }, `[${n}]`)] : level,
      period(x.period)]
  })
  return h('div', null,
    table([t('project.organisation'), t('project.role'), t('project.level'), t('project.period')], rows),
    notes.length ? h('ol', { class: 'link-notes', 'aria-label': t('project.notes') }, notes.map((n, i) => h('li', { id: `partner-note-${i + 1}` }, n))) : null)
}

// overlapCards shows the overlaps that meet most closely; a project of a
// province overlaps thousands, so the page says how many it leaves out.
function overlapCards(data: ProjectData): HTMLElement {
  if (data.overlaps.length === 0) return h('p', null, t('project.noOverlaps'))
  return h('div', null,
    data.overlapCount > data.overlaps.length
      ? h('p', { class: 'muted', 'data-testid': 'overlaps-shown' }, t('project.overlapsShown', { shown: data.overlaps.length, count: data.overlapCount }))
      : null,
    h('ul', { class: 'overlaps' }, data.overlaps.map((o) => h('li', { class: 'overlap', 'data-project': o.project.id },
    h('h3', null, link(o.project), ' ', h('span', { class: 'muted' }, period(o.period))),
    table([t('project.here'), t('project.there'), t('project.relation'), t('project.period')],
      o.places.map((p) => [link(p.territory), link(p.otherTerritory), enumText('relation', p.relation), period(p.period)]), t('project.places')),
    facts([['project.sharedPartners', links(o.sharedPartners)], ['project.sharedThemes', links(o.sharedThemes)],
      ['project.ourFunders', links(o.subjectFunders)], ['project.theirFunders', links(o.funders)]])))))
}

export async function projectPage(ctx: PageContext): Promise<Page> {
  const id = idOf('project', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<ProjectData>('Project', { id, lang: lang().toUpperCase() })
  const p = data.node
  if (!p) return notFoundPage()
  const coordinators = new Set(p.coordinators.map((c) => c.id))
  const partners = [...p.partners].sort((a, b) => Number(coordinators.has(b.organisation.id)) - Number(coordinators.has(a.organisation.id)))
  return {
    title: p.name,
    node: h('article', { class: 'entity project' },
      h('h1', null, p.name),
      h('p', { class: 'kind' }, t('kind1.project'), ' ', badge('status', p.status)),
      p.description ? h('p', { class: 'lead' }, p.description) : null,
      facts([['project.programme', p.programme ? link(p.programme) : null], ['project.actionPackages', p.actionPackages.length ? links(p.actionPackages) : null],
        ['project.period', period(p.period)], ['project.status', p.status ? enumText('status', p.status) : null],
        ['project.website', p.website ? h('a', { href: p.website, rel: 'noopener noreferrer' }, p.website) : null], ['project.source', p.source]]),
      h('p', { class: 'actions' }, h('a', { href: `/network/project/${ctx.params[0]}` }, t('project.network')),
        canEdit() ? h('a', { href: `/edit/project/${ctx.params[0]}` }, t('project.edit')) : null),
      section('project.territories', table([t('kind1.territory'), t('project.coverage'), t('project.period')],
        p.territories.map((x) => [link(x.territory), enumText('coverage', x.coverage), period(x.period)]))),
      section('project.funders', p.fundings.length === 0 ? h('p', { class: 'muted' }, t('none')) : table([t('kind1.funder'), t('project.amount'), t('project.period')],
        p.fundings.map((f) => [link(f.funder), formatMoney(f.amount), period(f.period)]))),
      h('div', { class: 'columns' },
        section('project.themes', links(p.themes)),
        section('project.targetGroups', links(p.targetGroups)),
        section('project.functions', links(p.functions.map((f) => ({ id: f.id, name: `${f.number}. ${f.name}` }))))),
      section('project.partners', partnersTable(partners)),
      section('project.stakeholders', h('p', null, t('project.stakeholdersIntro')), stakeholderMap(data.stakeholderMap, `${t('project.stakeholders')}: ${p.name}`)),
      section('project.overlaps', overlapCards(data)),
      p.collaborations.length ? section('project.collaborations', h('ul', null, p.collaborations.map((c) => h('li', null, link(c.project), ' ', h('span', { class: 'muted' }, period(c.period)))))) : null,
      await contactsSection(id)),
  }
}

