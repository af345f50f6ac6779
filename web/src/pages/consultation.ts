// Consultations (the Overleg buurtprojecten), their yearly cycles and their
// meetings. A consultation is not a project, so these pages stand apart from
// the overlaps and gaps: they are where a facilitator prepares and follows up
// the meetings themselves.
import { h, type Child } from '../dom'
import { t, lang, formatDate } from '../i18n'
import { query, download, ApiError } from '../api'
import { idOf, pageOf } from '../paths'
import { facts, link, links, notFoundPage, period, section, table, type Named, type Page, type PageContext } from '../page'
import { signedIn } from '../session'

type P = { start: string | null; end: string | null }
interface Person { id: string; name: string | null; function: string | null }

interface ConsultationsData {
  consultations: {
    totalCount: number
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
    nodes: (Named & { description: string | null; moderators: Named[]; territories: Named[]; cycles: (Named & { period: P })[] })[]
  }
}

interface MeetingRow extends Named { number: number; date: string | null; theme: Named | null; territory: Named | null }

interface ConsultationData {
  node: (Named & {
    description: string | null; website: string | null; source: string | null
    moderators: Named[]; territories: Named[]
    cycles: (Named & { period: P; source: string | null; participants: Named[]; contacts?: Person[] | null; meetings: MeetingRow[] })[]
  }) | null
}

interface Action { text: string; due: string | null; organisation: Named | null; person?: Person | null }
interface Signal { text: string; to: string | null; recipient: { id: string; name?: string } | null }
interface Outcomes { decisions: string[]; actions: Action[]; signals: Signal[] }

interface MeetingData {
  node: (Named & Outcomes & {
    number: number; date: string | null; agenda: string[]; source: string | null
    theme: Named | null; territory: Named | null
    cycle: (Named & { period: P; meetings: (Named & { number: number })[]; participants: Named[]; consultation: (Named & { territories: Named[] }) | null }) | null
    previous: (Named & Outcomes & { number: number; date: string | null }) | null
  }) | null
}

// The API leaves a meeting's date out where the source gives none; the
// page says so rather than leave a blank a reader might take for a gap.
function meetingDate(d: string | null): Child {
  return d ? h('time', { datetime: d }, formatDate(d)) : h('span', { class: 'muted' }, t('meeting.noDate'))
}

// A cycle without a known period (the seed names no year) shows none,
// rather than "open", which would read as a claim that it has not ended.
function cyclePeriod(p: P): Child {
  return p.start || p.end ? h('span', { class: 'muted' }, period(p)) : null
}

// A table under its own heading keeps its caption for screen readers only.
function quietTable(headers: string[], rows: Child[][], caption: string): HTMLElement {
  const el = table(headers, rows, caption)
  el.querySelector('caption')?.classList.add('visually-hidden')
  return el
}

function slug(id: string): string {
  return id.slice(id.indexOf(':') + 1)
}

export async function consultationsPage(): Promise<Page> {
  const data = await query<ConsultationsData>('Consultations', { lang: lang().toUpperCase() })
  const list = data.consultations
  return {
    title: t('consult.title'),
    node: h('section', { class: 'consultations' },
      h('h1', null, t('consult.title')),
      h('p', { class: 'lead' }, t('consult.intro')),
      list.nodes.length === 0 ? h('p', null, t('consult.none')) : table(
        [t('kind1.consultation'), t('consult.moderators'), t('consult.territories'), t('consult.cycles')],
        list.nodes.map((c) => [link(c), links(c.moderators), links(c.territories),
          c.cycles.length === 0 ? h('span', { class: 'muted' }, t('none'))
            : h('ul', { class: 'inline' }, c.cycles.map((y) => h('li', null, y.name, ' ', cyclePeriod(y.period))))]),
        t('consult.title')),
      list.pageInfo.hasNextPage ? h('p', { class: 'muted' }, t('consult.more', { n: list.totalCount, shown: list.nodes.length })) : null),
  }
}

function cycleContacts(people: Person[] | null | undefined): HTMLElement {
  if (!signedIn()) return h('p', { class: 'muted' }, t('contacts.signin'))
  if (!people || people.length === 0) return h('p', null, t('contacts.none'))
  return h('ul', { 'data-testid': 'cycle-contacts' }, people.map((p) => h('li', null, p.name ?? '', p.function ? ` (${p.function})` : '')))
}

function meetingsTable(meetings: MeetingRow[], caption: string): HTMLElement {
  if (meetings.length === 0) return h('p', null, t('consult.noMeetings'))
  return quietTable([t('meeting.number'), t('kind1.meeting'), t('meeting.date'), t('meeting.theme'), t('meeting.territory')],
    meetings.map((m) => [String(m.number), h('a', { href: pageOf(m.id) }, m.name), meetingDate(m.date),
      m.theme ? link(m.theme) : h('span', { class: 'muted' }, t('meeting.noTheme')), m.territory ? link(m.territory) : '']),
    caption)
}

export async function consultationPage(ctx: PageContext): Promise<Page> {
  const id = idOf('consultation', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<ConsultationData>('Consultation', { id, lang: lang().toUpperCase(), signedIn: signedIn() !== null })
  const c = data.node
  if (!c) return notFoundPage()
  return {
    title: c.name,
    node: h('article', { class: 'entity consultation' },
      h('nav', { 'aria-label': t('territory.breadcrumb'), class: 'breadcrumb' },
        h('ol', null, h('li', null, h('a', { href: '/consultations' }, t('consult.title'))), h('li', null, h('span', { 'aria-current': 'page' }, c.name)))),
      h('h1', null, c.name),
      h('p', { class: 'kind' }, t('kind1.consultation')),
      c.description ? h('p', { class: 'lead' }, c.description) : null,
      facts([['consult.moderators', links(c.moderators)], ['consult.territories', links(c.territories)],
        ['project.website', c.website ? h('a', { href: c.website, rel: 'noopener noreferrer' }, c.website) : null], ['project.source', c.source]]),
      section('consult.cycles', c.cycles.length === 0 ? h('p', null, t('consult.noCycles')) : c.cycles.map((y) => {
        const head = `cycle-${slug(y.id)}`
        return h('section', { class: 'cycle', id: head, 'aria-labelledby': `${head}-h`, 'data-cycle': y.id },
          h('h3', { id: `${head}-h` }, y.name, ' ', cyclePeriod(y.period)),
          h('h4', null, t('consult.participants')),
          y.participants.length === 0 ? h('p', { class: 'muted' }, t('consult.noParticipants')) : links(y.participants),
          h('h4', null, t('consult.contacts')), cycleContacts(y.contacts),
          h('h4', null, t('consult.meetings')), meetingsTable(y.meetings, `${t('consult.meetings')}: ${y.name}`))
      }))),
  }
}

function owner(a: Action): Child {
  if (a.organisation) return link(a.organisation)
  if (a.person) return [a.person.name ?? '', a.person.function ? ` (${a.person.function})` : '']
  // An action's owner is required: without an organisation it is a contact
  // person, whom only a signed-in reader may see.
  return h('span', { class: 'muted' }, t('meeting.ownerHidden'))
}

function recipient(s: Signal): Child {
  const parts: Child[] = []
  if (s.to) parts.push(s.to)
  if (s.recipient?.name) parts.push(parts.length ? ' · ' : '', h('a', { href: pageOf(s.recipient.id) }, s.recipient.name))
  return parts.length ? parts : h('span', { class: 'muted' }, t('unknown'))
}

function textList(items: string[], empty: string, testid: string): HTMLElement {
  return items.length === 0 ? h('p', { class: 'muted' }, t(empty)) : h('ul', { 'data-testid': testid }, items.map((x) => h('li', null, x)))
}

function actionsTable(actions: Action[], caption: string): HTMLElement {
  if (actions.length === 0) return h('p', { class: 'muted' }, t('meeting.noActions'))
  return quietTable([t('meeting.action'), t('meeting.owner'), t('meeting.due')],
    actions.map((a) => [a.text, owner(a), a.due ? h('time', { datetime: a.due }, formatDate(a.due)) : h('span', { class: 'muted' }, t('meeting.noDue'))]), caption)
}

function signalsTable(signals: Signal[], caption: string): HTMLElement {
  if (signals.length === 0) return h('p', { class: 'muted' }, t('meeting.noSignals'))
  return quietTable([t('meeting.signal'), t('meeting.to')], signals.map((s) => [s.text, recipient(s)]), caption)
}

function previousPart(m: NonNullable<MeetingData['node']>): HTMLElement {
  const p = m.previous
  if (!p) return section('meeting.previous', h('p', null, t('meeting.first')))
  const empty = p.decisions.length === 0 && p.actions.length === 0 && p.signals.length === 0
  return section('meeting.previous',
    h('p', null, h('a', { href: pageOf(p.id) }, p.name), ' · ', meetingDate(p.date)),
    empty ? h('p', { class: 'muted' }, t('meeting.previousNothing')) : [
      h('h3', null, t('meeting.decisions')), textList(p.decisions, 'meeting.noDecisions', 'previous-decisions'),
      h('h3', null, t('meeting.actions')), actionsTable(p.actions, `${t('meeting.actions')}: ${p.name}`),
      h('h3', null, t('meeting.signals')), signalsTable(p.signals, `${t('meeting.signals')}: ${p.name}`)])
}

function briefingPart(id: string): HTMLElement {
  const status = h('p', { role: 'status', class: 'form-status' })
  const anchor = (format: string, label: string) => {
    const a = h('a', { class: 'button', href: `/export/meeting?${new URLSearchParams({ meeting: id, format, lang: lang() })}`, download: '', 'data-testid': `meeting-briefing-${format}` }, t(label))
    // A signed-in facilitator's briefing names the cycle's contact persons,
    // which a plain link (no Authorization header) cannot fetch.
    a.addEventListener('click', (e) => {
      e.preventDefault()
      status.textContent = t('loading')
      download(a.href).then(() => { status.textContent = '' }, (err: unknown) => {
        status.textContent = err instanceof ApiError ? err.message : String(err)
      })
    })
    return a
  }
  return section('meeting.briefing', h('p', null, t('meeting.briefingIntro')),
    h('p', { class: 'actions' }, anchor('md', 'meeting.downloadMd'), anchor('json', 'meeting.downloadJson')), status)
}

export async function meetingPage(ctx: PageContext): Promise<Page> {
  const id = idOf('meeting', ctx.params[0] ?? '')
  if (!id) return notFoundPage()
  const data = await query<MeetingData>('Meeting', { id, lang: lang().toUpperCase(), signedIn: signedIn() !== null })
  const m = data.node
  if (!m) return notFoundPage()
  const consultation = m.cycle?.consultation ?? null
  const siblings = m.cycle?.meetings ?? []
  const at = siblings.findIndex((s) => s.id === m.id)
  const next = at >= 0 ? siblings[at + 1] : undefined
  // Where the meeting names no territory of its own, the briefing uses the
  // one its consultation is held for; the page says which it is.
  const territory: Child = m.territory ? link(m.territory)
    : consultation && consultation.territories.length ? [links(consultation.territories), ' ', h('span', { class: 'muted' }, t('meeting.heldFor'))] : null
  return {
    title: m.name,
    node: h('article', { class: 'entity meeting' },
      h('nav', { 'aria-label': t('territory.breadcrumb'), class: 'breadcrumb' },
        h('ol', null, h('li', null, h('a', { href: '/consultations' }, t('consult.title'))),
          consultation ? h('li', null, link(consultation)) : null,
          m.cycle ? h('li', null, m.cycle.name) : null,
          h('li', null, h('span', { 'aria-current': 'page' }, m.name)))),
      h('h1', null, m.name),
      h('p', { class: 'kind' }, t('kind1.meeting'), ' ', siblings.length ? t('meeting.of', { n: m.number, total: siblings.length }) : ''),
      facts([['meeting.date', meetingDate(m.date)], ['meeting.theme', m.theme ? link(m.theme) : h('span', { class: 'muted' }, t('meeting.noTheme'))],
        ['meeting.territory', territory], ['meeting.cycle', m.cycle ? [m.cycle.name, ' ', cyclePeriod(m.cycle.period)] : null],
        ['project.source', m.source]]),
      h('nav', { class: 'actions', 'aria-label': t('meeting.siblings') },
        m.previous ? h('a', { href: pageOf(m.previous.id), rel: 'prev' }, '← ', m.previous.name) : null,
        next ? h('a', { href: pageOf(next.id), rel: 'next' }, next.name, ' →') : null),
      section('meeting.agenda', textList(m.agenda, 'meeting.noAgenda', 'agenda')),
      section('consult.participants', m.cycle && m.cycle.participants.length ? links(m.cycle.participants) : h('p', { class: 'muted' }, t('consult.noParticipants'))),
      section('meeting.decisions', textList(m.decisions, 'meeting.noDecisions', 'decisions')),
      section('meeting.actions', actionsTable(m.actions, t('meeting.actions'))),
      section('meeting.signals', signalsTable(m.signals, t('meeting.signals'))),
      previousPart(m),
      briefingPart(id)),
  }
}
