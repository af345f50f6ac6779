import { h, type Child } from '../dom'
import { t, lang, enumText } from '../i18n'
import { query, download, ApiError } from '../api'
import { idOf, pageOf } from '../paths'
import { badge, facts, link, links, notFoundPage, period, section, table, type Named, type Page, type PageContext } from '../page'
import { canEdit } from '../session'
import { networkSection } from '../analysis'
import { uninvolvedSection } from '../uninvolved'

interface Parent extends Named { partOf?: Parent[] }
interface RoleData {
  role: string
  organisation: Named | null
  person: { id: string; name: string | null } | null
  vacant: boolean
  foreseenBy: Named | null
  period: { start: string | null; end: string | null }
  source: string | null
}

interface Synergy { projects: Named[]; kind: 'INTRODUCTION' | 'STRENGTHEN'; score: number; reasons: { code: string; points: number; message: string }[] }
interface TerritoryData {
  node: (Named & { kind: string; code: string | null; note: string | null; source: string | null; partOf: Parent[]; parts: (Named & { kind: string })[]; overlaps: Named[]; roles: RoleData[] }) | null
  gaps: {
    priorities: { priority: { theme: Named | null; targetGroup: Named | null; source: string | null }; missing: boolean; projects: Named[]; projectCount: number; partlyPresent: Named[]; partlyPresentCount: number }[]
    projects: (Named & { status: string | null; period: { start: string | null; end: string | null } })[]
    projectCount: number
    partlyPresent: { project: Named; places: { territory: Named; relation: string }[] }[]
    partlyPresentCount: number
    missingFunctions: { id: string }[]
    missingThemes: Named[]
    coveredFunctions: { function: { id: string }; projects: { id: string }[]; projectCount: number; through: (Named & { number: number })[] }[]
    partlyCoveredFunctions: { function: { id: string }; projects: Named[]; projectCount: number }[]
    coveredThemes: { theme: Named; projects: Named[]; projectCount: number }[]
    partlyCoveredThemes: { theme: Named; projects: Named[]; projectCount: number }[]
  }
  functions: (Named & { framework: string; number: number })[]
  themes: Named[]
  introductions: Synergy[]
  strengthen: Synergy[]
}

// The formats /export/briefing offers, in the order a facilitator wants them.
export const briefingFormats = ['html', 'pdf', 'xlsx', 'csv', 'csv-rfc4180', 'md', 'json']

function breadcrumb(self: Named, parents: Parent[]): HTMLElement {
  const chain: Named[] = []
  let level = parents
  while (level.length > 0 && chain.length < 8) {
    chain.unshift(level[0])
    level = level[0].partOf ?? []
  }
  return h('nav', { 'aria-label': t('territory.breadcrumb'), class: 'breadcrumb' },
    h('ol', null, chain.map((p) => h('li', null, link(p))), h('li', null, h('span', { 'aria-current': 'page' }, self.name))))
}

// Around a province or a region the lists of projects run into thousands:
// the page asks for the first ones and says how many it leaves out.

// namesOf lists projects by name, then how many more there are.
function namesOf(shown: Named[], count: number): Child {
  return [shown.map((p, i) => [i > 0 ? ', ' : '', link(p)]), count > shown.length ? [' ', h('span', { class: 'muted more' }, t('list.more', { n: count - shown.length }))] : null]
}

// firstOf says that a list shows the first of its entries, when it does.
function firstOf(shown: number, count: number): HTMLElement | null {
  return count > shown ? h('p', { class: 'muted', 'data-testid': 'first-of' }, t('list.firstOf', { shown, count })) : null
}

// partlyPresent lists the projects working on ground the territory only
// partly shares: not counted as present, not absent either.
function partlyPresent(data: TerritoryData): HTMLElement | null {
  if (data.gaps.partlyPresent.length === 0) return null
  return h('div', { class: 'partly' },
    h('h3', null, t('territory.partlyPresent')), h('p', null, t('territory.partlyIntro')),
    h('ul', null, data.gaps.partlyPresent.map((p) => h('li', null, link(p.project), ': ',
      p.places.map((pl, i) => [i > 0 ? ', ' : '', link(pl.territory), ' (', enumText('relation', pl.relation), ')'])))),
    firstOf(data.gaps.partlyPresent.length, data.gaps.partlyPresentCount))
}

// roles lists the neighbourhood roles: who holds each, or that nobody is
// known to and which project foresees it. A role a contact person holds is
// held for every reader; only signed-in readers get the person.
function roles(rs: RoleData[]): HTMLElement | null {
  if (rs.length === 0) return null
  const holder = (r: RoleData) => {
    if (r.vacant) return [h('strong', null, t('territory.roleVacant')), ' · ', t('territory.roleForeseenBy'), ' ', link(r.foreseenBy)]
    if (r.organisation) return link(r.organisation)
    if (r.person) return h('span', { class: 'person' }, r.person.name ?? t('territory.rolePerson'))
    return h('span', { class: 'muted' }, t('territory.rolePerson'))
  }
  return section('territory.roles', h('p', null, t('territory.rolesIntro')),
    h('ul', null, rs.map((r) => h('li', { class: r.vacant ? 'role vacant' : 'role held', 'data-role': r.role },
      h('strong', null, enumText('territoryRole', r.role)), ': ', holder(r),
      r.period.start || r.period.end ? [' (', period(r.period), ')'] : null,
      r.source ? [' · ', r.source] : null))))
}

// gapMark says, beside a function's row, whether it is a gap, whether it is
// covered only through the crosswalk (a building block of the other
// framework), and which partly present projects work on a gap: a facilitator
// checks those on the ground before calling it one.
function gapMark(isGap: boolean, via: (Named & { number: number })[] | undefined, partly: { projects: Named[]; projectCount: number } | undefined): Child {
  return [
    isGap ? h('strong', null, t('territory.gap')) : null,
    via ? h('span', { class: 'through' }, t('territory.through'), ' ', via.map((f, i) => [i > 0 ? ', ' : '', h('a', { href: pageOf(f.id) }, `${f.number}. ${f.name}`)])) : null,
    isGap && partly?.projects.length ? h('span', { class: 'partly-covered' }, t('territory.partlyBy'), ' ', namesOf(partly.projects, partly.projectCount)) : null,
  ]
}

// gapMatrix ticks, for each function, the projects that cover it; with more
// projects than the page shows, it counts them instead of a column each.
function gapMatrix(data: TerritoryData): HTMLElement {
  const counted = data.gaps.projectCount > data.gaps.projects.length
  const projects = counted ? [] : data.gaps.projects
  const covered = new Map<string, Set<string>>()
  const coverers = new Map<string, number>()
  const through = new Map<string, (Named & { number: number })[]>()
  for (const c of data.gaps.coveredFunctions) {
    covered.set(c.function.id, new Set(c.projects.map((p) => p.id)))
    coverers.set(c.function.id, c.projectCount)
    if (c.through.length) through.set(c.function.id, c.through)
  }
  const partly = new Map(data.gaps.partlyCoveredFunctions.map((c) => [c.function.id, c]))
  const missing = new Set(data.gaps.missingFunctions.map((f) => f.id))
  const frameworks = ['VVSG_FUNCTIONS', 'CARING_NEIGHBOURHOODS']
  return h('div', { class: 'scroll', role: 'region', 'aria-label': t('territory.gaps'), tabindex: '0' },
    h('table', { class: 'gap-matrix' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('project.functions')),
        counted ? h('th', { scope: 'col' }, t('territory.coverers')) : projects.map((p) => h('th', { scope: 'col', class: 'project-col' }, h('a', { href: pageOf(p.id) }, p.name))),
        h('th', { scope: 'col' }, t('territory.gap')))),
      frameworks.map((fw) => h('tbody', null,
        h('tr', { class: 'framework' }, h('th', { scope: 'colgroup', colspan: String((counted ? 1 : projects.length) + 2) }, enumText('framework', fw))),
        data.functions.filter((f) => f.framework === fw).sort((a, b) => a.number - b.number).map((f) => {
          const who = covered.get(f.id) ?? new Set<string>()
          const isGap = missing.has(f.id)
          return h('tr', { class: isGap ? 'gap' : 'covered', 'data-function': f.id },
            h('th', { scope: 'row' }, h('a', { href: pageOf(f.id) }, `${f.number}. ${f.name}`)),
            counted ? h('td', { class: 'count' }, String(coverers.get(f.id) ?? 0)) : projects.map((p) => h('td', { class: 'tick' }, who.has(p.id)
              ? [h('span', { 'aria-hidden': 'true' }, '✓'), h('span', { class: 'visually-hidden' }, t('territory.covered'))]
              : '')),
            h('td', { class: 'gap-mark' }, gapMark(isGap, through.get(f.id), partly.get(f.id))))
        })))))
}

function synergyCards(list: Synergy[], empty: string): HTMLElement {
  if (list.length === 0) return h('p', null, t(empty))
  // Each pair says what a facilitator can do: introduce the projects, or
  // strengthen the collaboration they already have.
  return h('ol', { class: 'synergies' }, list.map((s) => h('li', { class: 'synergy', 'data-kind': s.kind },
    h('p', { class: 'pair' }, link(s.projects[0]), ' ↔ ', link(s.projects[1]), ' ', h('span', { class: 'score' }, t('territory.score', { n: s.score })),
      ' ', h('span', { class: 'synergy-kind' }, t(`synergyKind.${s.kind}`))),
    h('ul', { class: 'reasons' }, s.reasons.map((r) => h('li', { 'data-code': r.code },
      h('span', { class: 'points' }, t('territory.points', { n: r.points > 0 ? `+${r.points}` : r.points })), ' ', r.message))))))
}

function briefingForm(id: string, data: TerritoryData, on: string): HTMLElement {
  const theme = h('select', { id: 'briefing-theme', name: 'theme' }, h('option', { value: '' }, t('briefing.anyTheme')),
    data.themes.map((th) => h('option', { value: th.id }, th.name)))
  const day = h('input', { id: 'briefing-on', name: 'on', type: 'date', value: on })
  const since = h('input', { id: 'briefing-since', name: 'since', type: 'date' })
  const format = h('select', { id: 'briefing-format', name: 'format' }, briefingFormats.map((f) => h('option', { value: f }, t(`format.${f}`))))
  const status = h('p', { role: 'status', class: 'form-status' })
  const anchor = h('a', { class: 'button', 'data-testid': 'briefing-link', download: '' }, t('briefing.download'))
  const update = (): void => {
    const p = new URLSearchParams({ territory: id, format: format.value, lang: lang() })
    if (theme.value) p.set('theme', theme.value)
    if (day.value) p.set('on', day.value)
    if (since.value) p.set('since', since.value)
    anchor.href = `/export/briefing?${p}`
  }
  for (const el of [theme, day, since, format]) el.addEventListener('change', update)
  update()
  // A signed-in facilitator's briefing includes what only they may read,
  // which a plain link (no Authorization header) cannot fetch.
  anchor.addEventListener('click', (e) => {
    e.preventDefault()
    status.textContent = t('loading')
    download(anchor.href).then(() => { status.textContent = '' }, (err: unknown) => {
      status.textContent = err instanceof ApiError ? err.message : String(err)
    })
  })
  const field = (label: string, el: HTMLElement, forId: string) => h('div', { class: 'field' }, h('label', { for: forId }, t(label)), el)
  return h('form', { class: 'briefing', onsubmit: (e: Event) => e.preventDefault() },
    h('p', null, t('briefing.intro')),
    h('div', { class: 'row' },
      field('briefing.theme', theme, 'briefing-theme'), field('briefing.on', day, 'briefing-on'),
      field('briefing.since', since, 'briefing-since'), field('briefing.format', format, 'briefing-format')),
    anchor, status)
}

export async function territoryPage(ctx: PageContext): Promise<Page> {
  const id = idOf('territory', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const on = ctx.search.get('on') ?? ''
  const [data, network, uninvolved] = await Promise.all([
    query<TerritoryData>('Territory', { id, on: on || null, lang: lang().toUpperCase() }),
    networkSection(id, on),
    uninvolvedSection(id, on),
  ])
  const terr = data.node
  if (!terr) return notFoundPage()
  const dayInput = h('input', { type: 'date', id: 'territory-on', name: 'on', value: on })
  return {
    title: terr.name,
    node: h('article', { class: 'entity territory' },
      breadcrumb(terr, terr.partOf),
      h('h1', null, terr.name),
      h('p', { class: 'kind' }, t('kind1.territory'), ' · ', enumText('territoryKind', terr.kind)),
      facts([['territory.code', terr.code], ['territory.alsoPartOf', terr.partOf.length > 1 ? links(terr.partOf.slice(1)) : null],
        ['territory.overlaps', terr.overlaps.length ? links(terr.overlaps) : null], ['territory.parts', terr.parts.length ? links(terr.parts) : null],
        ['project.source', terr.source]]),
      terr.note ? h('p', null, terr.note) : null,
      h('p', { class: 'actions' }, h('a', { href: `/network/territory/${ctx.params[0]}` }, t('territory.network')),
        canEdit() ? h('a', { href: `/edit/territory/${ctx.params[0]}` }, t('project.edit')) : null),
      section('territory.projects',
        h('form', { class: 'day', onsubmit: (e: Event) => {
          e.preventDefault()
          ctx.navigate(`${location.pathname}${dayInput.value ? `?on=${dayInput.value}` : ''}`)
        } }, h('label', { for: 'territory-on' }, t('territory.on')), dayInput, h('button', { type: 'submit' }, t('territory.show'))),
        data.gaps.projects.length === 0 ? h('p', null, t('territory.noProjects')) : table(
          [t('kind1.project'), t('project.status'), t('project.period')],
          data.gaps.projects.map((p) => [link(p), badge('status', p.status), period(p.period)])),
        firstOf(data.gaps.projects.length, data.gaps.projectCount),
        partlyPresent(data)),
      data.gaps.priorities.length === 0 ? null : section('territory.priorities', h('p', null, t('territory.prioritiesIntro')),
        h('ul', null, data.gaps.priorities.map((p) => h('li', { class: p.missing ? 'gap' : 'covered' },
          link(p.priority.theme ?? p.priority.targetGroup), ': ',
          p.missing ? h('strong', null, t('territory.gap')) : [t('territory.covered'), ' ', namesOf(p.projects, p.projectCount)],
          p.partlyPresent.length ? [' · ', t('territory.partlyBy'), ' ', namesOf(p.partlyPresent, p.partlyPresentCount)] : null,
          p.priority.source ? [' (', p.priority.source, ')'] : null)))),
      roles(terr.roles),
      section('territory.gaps', h('p', null, t('territory.gapsIntro')), gapMatrix(data)),
      section('territory.themes',
        h('h3', null, t('territory.missingThemes')), links(data.gaps.missingThemes),
        data.gaps.partlyCoveredThemes.length ? [h('h3', null, t('territory.partlyThemes')), h('ul', { 'data-list': 'partly-themes' }, data.gaps.partlyCoveredThemes.map((c) =>
          h('li', null, link(c.theme), ': ', namesOf(c.projects, c.projectCount))))] : null,
        h('h3', null, t('territory.coveredThemes')),
        h('ul', null, data.gaps.coveredThemes.map((c) => h('li', null, link(c.theme), ': ', namesOf(c.projects, c.projectCount))))),
      section('territory.synergies', h('p', null, t('territory.synergiesIntro')),
        h('h3', null, t('territory.introductions')), h('div', { 'data-list': 'INTRODUCTION' }, synergyCards(data.introductions, 'territory.noIntroductions')),
        h('h3', null, t('territory.strengthen')), h('div', { 'data-list': 'STRENGTHEN' }, synergyCards(data.strengthen, 'territory.noStrengthen'))),
      uninvolved,
      network,
      section('briefing.title', briefingForm(id, data, on))),
  }
}
