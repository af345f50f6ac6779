// Signed-in editing: a form per kind of entity (create and edit), and a form
// to link the entity to others. The API decides what is valid; its errors
// are shown beside the field it names, and a version conflict says so.
import { h } from '../dom'
import { t, lang, enumText, formatMoney, formatPeriod } from '../i18n'
import { query, ApiError } from '../api'
import { idOf, pageOf } from '../paths'
import { canEdit } from '../session'
import { control, nest, placeErrors, type FieldControl, type FieldSpec } from '../form'
import { notFoundPage, type Page, type PageContext } from '../page'

const names: FieldSpec[] = [
  { path: 'name.nl', label: 'edit.nameNl', type: 'text' },
  { path: 'name.fr', label: 'edit.nameFr', type: 'text' },
  { path: 'name.en', label: 'edit.nameEn', type: 'text' },
]
const descriptions: FieldSpec[] = [
  { path: 'description.nl', label: 'edit.descNl', type: 'textarea' },
  { path: 'description.fr', label: 'edit.descFr', type: 'textarea' },
  { path: 'description.en', label: 'edit.descEn', type: 'textarea' },
]
const idField: FieldSpec = { path: 'id', label: 'edit.id', type: 'text', createOnly: true }
const source: FieldSpec = { path: 'source', label: 'project.source', type: 'text' }
const website: FieldSpec = { path: 'website', label: 'project.website', type: 'url' }

const sectors = ['HEALTH_CARE', 'MENTAL_HEALTH', 'HOME_CARE', 'PHARMACY', 'HOSPITAL', 'WELFARE', 'SOCIAL_SERVICES', 'ELDERLY_CARE',
  'INSURANCE', 'EDUCATION', 'RESEARCH', 'HOUSING', 'SPORT', 'CULTURE', 'COMMUNITY', 'PUBLIC_ADMINISTRATION', 'PATIENT_RIGHTS',
  'YOUTH', 'WORK', 'SOCIAL_ECONOMY', 'SPATIAL_PLANNING']

interface KindSpec { type: string; fields: FieldSpec[]; create: string; update: string }

// The editable kinds, keyed by their page name. The fields follow the
// schema's input types.
export const kinds: Record<string, KindSpec> = {
  project: { type: 'Project', create: 'CreateProject', update: 'UpdateProject', fields: [idField, ...names,
    { path: 'status', label: 'project.status', type: 'select', enumGroup: 'status', options: ['CONCEPTUALISATION', 'IN_DEVELOPMENT', 'PILOT', 'IMPLEMENTATION', 'ENDED'] },
    { path: 'period.start', label: 'edit.start', type: 'date' }, { path: 'period.end', label: 'edit.end', type: 'date' },
    website, ...descriptions, source] },
  organisation: { type: 'Organisation', create: 'CreateOrganisation', update: 'UpdateOrganisation', fields: [idField, ...names,
    { path: 'acronym', label: 'edit.acronym', type: 'text' },
    { path: 'kind', label: 'org.kind', type: 'select', enumGroup: 'orgKind', options: ['CARE_PROVIDER', 'WELFARE_SERVICE', 'PUBLIC_SERVICE', 'MUTUAL_INSURER', 'HOSPITAL', 'SCHOOL', 'ASSOCIATION', 'SHOP', 'RESIDENTS_GROUP', 'KNOWLEDGE_CENTRE', 'NETWORK', 'PROJECT_TEAM', 'OTHER'] },
    { path: 'sectors', label: 'org.sectors', type: 'checks', enumGroup: 'sector', options: sectors },
    { path: 'languageCommunity', label: 'org.community', type: 'select', enumGroup: 'community', options: ['NL', 'FR', 'BILINGUAL'] },
    { path: 'enterpriseNumber', label: 'org.enterprise', type: 'text' }, { path: 'socialMapId', label: 'edit.socialMap', type: 'text' },
    website, ...descriptions, source] },
  territory: { type: 'Territory', create: 'CreateTerritory', update: 'UpdateTerritory', fields: [idField, ...names,
    { path: 'kind', label: 'territory.kind', type: 'select', required: true, enumGroup: 'territoryKind', options: ['REGION', 'PROVINCE', 'MUNICIPALITY', 'FORMER_MUNICIPALITY', 'NEIGHBOURHOOD', 'ZONE', 'STATISTICAL_SECTOR', 'STREET', 'SITE', 'PRIMARY_CARE_ZONE'] },
    { path: 'code', label: 'edit.code', type: 'text' }, { path: 'note', label: 'edit.note', type: 'textarea' }, source] },
  funder: { type: 'Funder', create: 'CreateFunder', update: 'UpdateFunder', fields: [idField, ...names,
    { path: 'acronym', label: 'edit.acronym', type: 'text' },
    { path: 'level', label: 'funder.level', type: 'select', enumGroup: 'funderLevel', options: ['EUROPEAN', 'FEDERAL', 'REGIONAL', 'COMMUNITY', 'COMMUNITY_COMMISSION', 'PROVINCIAL', 'MUNICIPAL', 'PRIVATE'] },
    website, source] },
  theme: { type: 'Theme', create: 'CreateTheme', update: 'UpdateTheme', fields: [idField, ...names, ...descriptions, source] },
}

interface LinkSpec { kind: string; reversed: boolean; other: string; props: string[] }

// The links each kind of entity can be given from its page: the LinkInput
// documentation of the schema, seen from one end.
const linkSpecs: Record<string, LinkSpec[]> = {
  project: [
    { kind: 'ACTIVE_IN', reversed: false, other: 'territory', props: ['coverage', 'period'] },
    { kind: 'PARTICIPATES_IN', reversed: true, other: 'org', props: ['role', 'level', 'period'] },
    { kind: 'FUNDS', reversed: true, other: 'funder', props: ['amount', 'period'] },
    { kind: 'ADDRESSES', reversed: false, other: 'theme', props: [] },
    { kind: 'TARGETS', reversed: false, other: 'targetgroup', props: [] },
    { kind: 'WORKS_ON', reversed: false, other: 'function', props: [] },
    { kind: 'COLLABORATES_WITH', reversed: false, other: 'project', props: ['period'] },
  ],
  organisation: [
    { kind: 'PARTICIPATES_IN', reversed: false, other: 'project', props: ['role', 'level', 'period'] },
    { kind: 'LOCATED_IN', reversed: false, other: 'territory', props: [] },
    { kind: 'SERVES', reversed: false, other: 'territory', props: [] },
  ],
  territory: [
    { kind: 'PART_OF', reversed: false, other: 'territory', props: [] },
    { kind: 'OVERLAPS', reversed: false, other: 'territory', props: [] },
    { kind: 'ADJACENT_TO', reversed: false, other: 'territory', props: [] },
  ],
  funder: [{ kind: 'FUNDS', reversed: false, other: 'project', props: ['amount', 'period'] }],
  theme: [{ kind: 'ADDRESSES', reversed: true, other: 'project', props: [] }],
}

const propFields: Record<string, FieldSpec[]> = {
  role: [{ path: 'role', label: 'project.role', type: 'select', enumGroup: 'role', options: ['COORDINATOR', 'PARTNER', 'ASSOCIATE'] }],
  level: [{ path: 'level', label: 'project.level', type: 'select', enumGroup: 'level', options: ['INFORM', 'CONSULT', 'CO_CREATE', 'CO_DECIDE'] }],
  coverage: [{ path: 'coverage', label: 'project.coverage', type: 'select', enumGroup: 'coverage', options: ['WHOLE', 'PART'] }],
  amount: [{ path: 'amount', label: 'edit.amount', type: 'text' }],
  period: [{ path: 'period.start', label: 'edit.start', type: 'date' }, { path: 'period.end', label: 'edit.end', type: 'date' }],
}

function needEditor(): Page | null {
  if (canEdit()) return null
  return {
    title: t('auth.needEditor'),
    node: h('section', null, h('h1', null, t('auth.signin')), h('p', null, t('auth.needEditor')),
      h('a', { href: `/signin?next=${encodeURIComponent(location.pathname + location.search)}` }, t('auth.signin'))),
  }
}

type Values = Record<string, string | string[]>

function valuesOf(node: Record<string, unknown>): Values {
  const v: Values = {}
  const n = node as { names?: Record<string, string | null>; period?: { start: string | null; end: string | null } } & Record<string, unknown>
  for (const l of ['nl', 'fr', 'en']) v[`name.${l}`] = n.names?.[l] ?? ''
  v['description.nl'] = String(n.descNl ?? '')
  v['description.fr'] = String(n.descFr ?? '')
  v['description.en'] = String(n.descEn ?? '')
  v['period.start'] = n.period?.start ?? ''
  v['period.end'] = n.period?.end ?? ''
  for (const k of ['status', 'website', 'source', 'acronym', 'kind', 'languageCommunity', 'enterpriseNumber', 'socialMapId', 'code', 'note', 'level']) {
    if (k in n) v[k] = String(n[k] ?? '')
  }
  if ('territoryKind' in n) v.kind = String(n.territoryKind ?? '')
  if (Array.isArray(n.sectors)) v.sectors = n.sectors as string[]
  return v
}

function same(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  return JSON.stringify(a ?? '') === JSON.stringify(b ?? '')
}

// inputOf builds the API input from the form: every filled field when
// creating; when editing, only what changed (a patch), a changed part of a
// group (the names, the period) sending its whole group.
function inputOf(controls: FieldControl[], initial: Values | null): Record<string, unknown> {
  const flat: Record<string, unknown> = {}
  const groupChanged = new Set<string>()
  if (initial) {
    for (const c of controls) if (!same(c.get(), initial[c.spec.path])) groupChanged.add(c.spec.path.split('.')[0])
  }
  for (const c of controls) {
    if (initial && c.spec.createOnly) continue
    const v = c.get()
    const group = c.spec.path.split('.')[0]
    if (initial && !groupChanged.has(group)) continue
    const empty = Array.isArray(v) ? false : v === ''
    if (empty) {
      // A cleared field is sent as null; a cleared end of a period is left
      // out, which leaves it open (the period is replaced whole, and the
      // Date scalar takes no null).
      if (initial && !c.spec.path.includes('.')) flat[c.spec.path] = null
      else if (initial && c.spec.path.startsWith('period.') && !flat.period) flat.period = {}
      continue
    }
    flat[c.spec.path] = v
  }
  return nest(flat)
}

interface Named { id: string; name: string }
interface CurrentLink { kind: string; from: string; to: string; other: Named; detail: string; reversed: boolean; props: Record<string, string> }
type P = { start: string | null; end: string | null } | undefined

// currentLinks lists the node's links as EditNode returns them, each with
// the ends the unlink mutation needs.
function currentLinks(id: string, n: Record<string, unknown>): CurrentLink[] {
  const out: CurrentLink[] = []
  const add = (kind: string, other: Named, reversed: boolean, detail = '', props: Record<string, unknown> = {}, period?: P) => {
    const ps: Record<string, string> = {}
    for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) ps[k] = String(v)
    if (period) {
      ps['period.start'] = period.start ?? ''
      ps['period.end'] = period.end ?? ''
    }
    const when = period && (period.start || period.end) ? formatPeriod(period) : ''
    out.push({ kind, from: reversed ? other.id : id, to: reversed ? id : other.id, other, detail: [detail, when].filter(Boolean).join(' · '), reversed, props: ps })
  }
  const list = <T>(k: string) => (Array.isArray(n[k]) ? (n[k] as T[]) : [])
  for (const x of list<{ organisation: Named; role: string; level: string | null; period: P }>('partners')) add('PARTICIPATES_IN', x.organisation, true, [enumText('role', x.role), x.level ? enumText('level', x.level) : ''].filter(Boolean).join(', '), { role: x.role, level: x.level }, x.period)
  for (const x of list<{ territory: Named; coverage: string; period: P }>('territories')) add('ACTIVE_IN', x.territory, false, enumText('coverage', x.coverage), { coverage: x.coverage }, x.period)
  for (const x of list<{ funder?: Named; project?: Named; amount: number | null; period: P }>('fundings')) {
    if (x.funder) add('FUNDS', x.funder, true, formatMoney(x.amount), { amount: x.amount }, x.period)
    if (x.project) add('FUNDS', x.project, false, formatMoney(x.amount), { amount: x.amount }, x.period)
  }
  for (const x of list<Named>('themes')) add('ADDRESSES', x, false)
  for (const x of list<Named>('targetGroups')) add('TARGETS', x, false)
  for (const x of list<Named>('functions')) add('WORKS_ON', x, false)
  for (const x of list<{ project: Named; period: P }>('collaborations')) add('COLLABORATES_WITH', x.project, false, '', {}, x.period)
  for (const x of list<{ project: Named; role: string; level: string | null; period: P }>('participations')) add('PARTICIPATES_IN', x.project, false, enumText('role', x.role), { role: x.role, level: x.level }, x.period)
  for (const x of list<Named>('locatedIn')) add('LOCATED_IN', x, false)
  for (const x of list<Named>('serves')) add('SERVES', x, false)
  for (const x of list<Named>('partOf')) add('PART_OF', x, false)
  for (const x of list<Named>('overlaps')) add('OVERLAPS', x, false)
  for (const x of list<Named>('adjacentTo')) add('ADJACENT_TO', x, false)
  if (n.__typename === 'Theme') for (const x of list<Named>('projects')) add('ADDRESSES', x, true)
  return out
}

function linkList(links: CurrentLink[], rerender: () => void, edit: (l: CurrentLink) => void): HTMLElement {
  const status = h('p', { role: 'status', class: 'form-status' })
  if (links.length === 0) return h('p', { class: 'muted' }, t('none'))
  return h('div', { 'data-testid': 'links' },
    h('div', { class: 'scroll', role: 'region', 'aria-label': t('edit.current'), tabindex: '0' },
      h('table', null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('edit.linkKind')), h('th', { scope: 'col' }, t('edit.otherEnd')), h('th', { scope: 'col' }, t('edit.detail')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('edit.remove'))))),
        h('tbody', null, links.map((l) => h('tr', { 'data-link': `${l.kind} ${l.from} ${l.to}` },
          h('td', null, l.kind), h('td', null, h('a', { href: pageOf(l.other.id) }, l.other.name)), h('td', null, l.detail),
          h('td', { class: 'buttons' }, Object.keys(l.props).length > 0 ? h('button', { type: 'button', class: 'secondary', 'data-action': 'edit',
            'aria-label': `${t('project.edit')}: ${l.kind} ${l.other.name}`, onclick: () => edit(l) }, t('project.edit')) : null, ' ',
          h('button', { type: 'button', class: 'secondary', 'data-action': 'remove', 'aria-label': `${t('edit.remove')}: ${l.kind} ${l.other.name}`, onclick: async () => {
            try {
              await query('Unlink', { kind: l.kind, from: l.from, to: l.to })
              rerender()
            } catch (err) {
              status.textContent = err instanceof ApiError ? err.message : String(err)
            }
          } }, t('edit.remove')))))))),
    status)
}

function linkForm(id: string, pageKind: string, rerender: () => void): { form: HTMLElement; edit: (l: CurrentLink) => void } {
  const specs = linkSpecs[pageKind] ?? []
  const kindSelect = h('select', { id: 'link-kind', name: 'kind' }, specs.map((s, i) => h('option', { value: String(i) }, s.kind)))
  const otherSpec: FieldSpec = { path: 'other', label: 'edit.other', type: 'text', aliases: ['to', 'from'] }
  const other = control(otherSpec)
  const list = h('datalist', { id: 'link-suggestions' })
  const otherInput = other.wrapper.querySelector('input') as HTMLInputElement
  otherInput.setAttribute('list', 'link-suggestions')
  let timer = 0
  otherInput.addEventListener('input', () => {
    clearTimeout(timer)
    const q = otherInput.value.trim()
    if (q.length < 2 || q.includes(':')) return
    timer = window.setTimeout(async () => {
      const data = await query<Record<string, { nodes: { id: string; name: string }[] }>>('Search', { q, lang: lang().toUpperCase() }).catch(() => null)
      if (!data) return
      list.replaceChildren(...Object.values(data).flatMap((c) => c.nodes).map((n) => h('option', { value: n.id }, n.name)))
    }, 250)
  })
  const props = h('div', { class: 'row' })
  let propControls: FieldControl[] = []
  const showProps = (values: Record<string, string> = {}): void => {
    const spec = specs[Number(kindSelect.value)]
    propControls = spec.props.flatMap((p) => propFields[p].map((f) => control(f, values[f.path])))
    props.replaceChildren(...propControls.map((c) => c.wrapper))
  }
  kindSelect.addEventListener('change', () => showProps())
  showProps()
  // Editing an existing link: the same form, its kind and other end fixed.
  let editing: CurrentLink | null = null
  const title = h('h2', { id: 'link-form-title' }, t('edit.links'))
  const submit = h('button', { type: 'submit' }, t('edit.link'))
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => {
    editing = null
    kindSelect.disabled = false
    otherInput.disabled = false
    other.set('')
    title.textContent = t('edit.links')
    submit.textContent = t('edit.link')
    cancel.hidden = true
    showProps()
  } }, t('edit.cancel'))
  const edit = (l: CurrentLink): void => {
    const i = specs.findIndex((s) => s.kind === l.kind && s.reversed === l.reversed)
    if (i < 0) return
    editing = l
    kindSelect.value = String(i)
    kindSelect.disabled = true
    other.set(l.other.id)
    otherInput.disabled = true
    showProps(l.props)
    title.textContent = `${t('project.edit')}: ${l.kind} ${l.other.name}`
    submit.textContent = t('edit.save')
    cancel.hidden = false
    form.scrollIntoView({ block: 'start' })
    propControls[0]?.focus()
  }
  const alert = h('p', { role: 'alert', class: 'form-error', hidden: true })
  const status = h('p', { role: 'status', class: 'form-status' })
  const form = h('form', { class: 'link-form', 'data-testid': 'link-form', 'aria-labelledby': 'link-form-title', onsubmit: async (e: Event) => {
    e.preventDefault()
    alert.hidden = true
    status.textContent = ''
    const spec = specs[Number(kindSelect.value)]
    const otherId = String(other.get())
    const props = inputOf(propControls, null)
    const controls = [other, ...propControls]
    try {
      if (editing) {
        // The period is replaced whole; an end left out is open (the
        // Date scalar takes no null).
        const patch: Record<string, unknown> = { ...props }
        if (spec.props.includes('period')) patch.period = props.period ?? {}
        await query('UpdateLink', { kind: editing.kind, from: editing.from, to: editing.to, patch })
      } else {
        await query('Link', { input: { kind: spec.kind, from: spec.reversed ? otherId : id, to: spec.reversed ? id : otherId, ...props } })
      }
      for (const c of controls) c.error(null)
      other.set('')
      rerender()
    } catch (err) {
      if (err instanceof ApiError) placeErrors(controls, alert, err)
      else throw err
    }
  } },
  title,
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'link-kind' }, t('edit.linkKind')), kindSelect), other.wrapper, list),
  props, alert, submit, ' ', cancel, status)
  return { form, edit }
}

function entityForm(spec: KindSpec, initial: Values | null, id: string | null, version: number | null, ctx: PageContext): HTMLElement {
  const controls = spec.fields.filter((f) => !(initial && f.createOnly)).map((f) => control(f, initial?.[f.path]))
  const alert = h('div', { role: 'alert', class: 'form-error', hidden: true })
  const status = h('p', { role: 'status', class: 'form-status' }, ctx.search.has('created') ? t('edit.created') : '')
  return h('form', { class: 'entity-form', 'data-testid': 'entity-form', novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault()
    alert.hidden = true
    status.textContent = ''
    const input = inputOf(controls, initial)
    try {
      if (!id) {
        const data = await query<Record<string, { id: string }>>(spec.create, { input })
        const created = Object.values(data)[0]
        ctx.navigate(`/edit${pageOf(created.id)}?created=1`)
        return
      }
      await query(spec.update, { id, patch: { ...input, version } })
      ctx.navigate(`/edit${pageOf(id)}?saved=1`, true)
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      if (err.code === 'CONFLICT' && err.errors[0]?.field === 'version') {
        alert.replaceChildren(h('p', null, t('edit.conflict')), h('button', { type: 'button', onclick: () => ctx.rerender() }, t('edit.reload')))
        alert.hidden = false
        alert.focus()
        return
      }
      placeErrors(controls, alert, err)
    }
  } },
  h('div', { class: 'grid' }, controls.map((c) => c.wrapper)),
  alert,
  h('button', { type: 'submit' }, t('edit.save')), status)
}

export async function newPage(ctx: PageContext): Promise<Page> {
  const refused = needEditor()
  if (refused) return refused
  const pageKind = ctx.params[0] ?? 'project'
  const spec = kinds[pageKind]
  if (!spec) return notFoundPage()
  const title = t('edit.new', { kind: t(`kind1.${pageKind}`) })
  return {
    title,
    node: h('section', { class: 'edit' }, h('h1', null, title),
      h('p', { class: 'actions' }, Object.keys(kinds).filter((k) => k !== pageKind).map((k) => h('a', { href: `/new/${k}` }, t('edit.new', { kind: t(`kind1.${k}`) })))),
      entityForm(spec, null, null, null, ctx)),
  }
}

export async function editPage(ctx: PageContext): Promise<Page> {
  const refused = needEditor()
  if (refused) return refused
  const [pageKind, slug] = ctx.params
  const spec = kinds[pageKind ?? '']
  const id = spec && slug ? idOf(pageKind, slug) : null
  if (!spec || !id) return notFoundPage()
  const data = await query<{ node: (Record<string, unknown> & { __typename: string; version: number; names: Record<string, string | null> }) | null }>('EditNode', { id })
  const node = data.node
  if (!node || node.__typename !== spec.type) return notFoundPage()
  const name = node.names[lang()] || node.names.nl || node.names.fr || id
  const title = t('edit.edit', { name })
  const relinked = (): void => ctx.navigate(`${location.pathname}?linked=1`, true)
  const links = linkForm(id, pageKind, relinked)
  return {
    title,
    node: h('section', { class: 'edit' }, h('h1', null, title),
      h('p', { class: 'actions' }, h('a', { href: pageOf(id) }, t('edit.view'))),
      ctx.search.has('saved') ? h('p', { role: 'status', class: 'form-status' }, t('edit.saved')) : null,
      entityForm(spec, valuesOf(node), id, node.version, ctx),
      h('section', { class: 'part', 'aria-labelledby': 'links-title' }, h('h2', { id: 'links-title' }, t('edit.current')),
        linkList(currentLinks(id, node), relinked, links.edit)),
      ctx.search.has('linked') ? h('p', { role: 'status', class: 'form-status', 'data-testid': 'linked' }, t('edit.linked')) : null,
      links.form),
  }
}
