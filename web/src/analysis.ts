// The network questions of a territory (brokers, clusters, isolation,
// bridges) and the introductions form of an organisation. Each question is
// its own operation, so that one the API refuses (INVALID when the scope is
// too large to answer in one request) shows the API's message in its place
// while the others still answer.
import { h, frag, type Child } from './dom'
import { t, lang, enumText } from './i18n'
import { query, ApiError } from './api'
import { link, links, section, table, type Named } from './page'

interface Broker { organisation: Named; betweenness: number; betweennessShare: number; figures: { figure: string; value: number; message: string }[] }
interface Cluster { number: number; members: Named[]; projects: Named[]; sectors: string[]; linkedClusters: number[]; linkers: Named[]; unlinked: boolean }
interface Isolation { isolatedProjects: Named[]; peripheralProjects: Named[]; absentOrganisations: Named[] }
interface Bridge { node: Named; sideA: Named[]; sideB: Named[]; via: Named[]; pairs: number }
interface BridgeReport { across: string; organisations: Bridge[]; projects: Bridge[] }
interface Introduction { length: number; chain: Named[] }

export const divides = ['LANGUAGE', 'HEALTH_WELFARE']

function refused(err: unknown): HTMLElement {
  const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err)
  return h('p', { role: 'alert', class: 'form-error analysis-refused', 'data-code': err instanceof ApiError ? err.code ?? '' : '' }, message)
}

// answer renders a question's outcome: its answer, or the API's refusal.
function answer<T>(r: PromiseSettledResult<T>, render: (v: T) => Child): Child {
  return r.status === 'fulfilled' ? render(r.value) : refused(r.reason)
}

function brokerList(bs: Broker[]): Child {
  if (bs.length === 0) return h('p', null, t('net.noBrokers'))
  return h('ol', { class: 'brokers' }, bs.map((b) => h('li', { class: 'broker', 'data-organisation': b.organisation.id },
    h('h4', null, link(b.organisation)),
    h('ul', { class: 'figures' }, b.figures.map((f) => h('li', { 'data-figure': f.figure }, f.message))))))
}

function clusterList(r: { modularity: number; clusters: Cluster[] }): Child {
  if (r.clusters.length === 0) return h('p', null, t('net.noClusters'))
  return [
    h('p', null, t('net.modularity', { q: r.modularity.toLocaleString(lang(), { maximumFractionDigits: 2 }) })),
    h('ol', { class: 'clusters' }, r.clusters.map((c) => h('li', { class: 'cluster', 'data-number': c.number, 'data-unlinked': String(c.unlinked) },
      h('h4', null, t('net.cluster', { n: c.number }), ' ', c.unlinked ? h('span', { class: 'badge unlinked' }, t('net.unlinked')) : null),
      h('dl', { class: 'facts' },
        h('dt', null, t('net.members')), h('dd', { class: 'members' }, links(c.members)),
        h('dt', null, t('net.projects')), h('dd', null, links(c.projects)),
        h('dt', null, t('org.sectors')), h('dd', null, c.sectors.length ? c.sectors.map((s) => enumText('sector', s)).join(', ') : t('none')),
        c.unlinked ? null : [h('dt', null, t('net.linked', { list: c.linkedClusters.join(', ') })), h('dd', null, links(c.linkers))])))),
  ]
}

function isolationLists(r: Isolation): Child {
  return [
    h('h4', null, t('net.isolated')), h('div', { 'data-list': 'isolated' }, links(r.isolatedProjects)),
    h('h4', null, t('net.peripheral')), h('div', { 'data-list': 'peripheral' }, links(r.peripheralProjects)),
    h('h4', null, t('net.absent')), h('div', { 'data-list': 'absent' }, links(r.absentOrganisations)),
  ]
}

function bridgeTable(across: string, kind: 'organisations' | 'projects', bs: Bridge[]): Child {
  if (bs.length === 0) return h('p', { 'data-bridges': kind }, t(`net.noBridges.${kind}`))
  return h('div', { 'data-bridges': kind }, table(
    [t(kind === 'organisations' ? 'kind1.organisation' : 'kind1.project'), t(`net.sideA.${across}`), t(`net.sideB.${across}`), t('net.pairs')],
    bs.map((b) => [link(b.node), links(b.sideA), links(b.sideB), String(b.pairs)]),
    `${t(`net.bridges.${across}`)}: ${t(`net.bridges.${kind}`)}`))
}

function bridgeReport(r: BridgeReport): Child {
  return [bridgeTable(r.across, 'projects', r.projects), bridgeTable(r.across, 'organisations', r.organisations)]
}

// networkSection asks the network questions of a territory on a day (any
// day when on is empty).
export async function networkSection(territory: string, on: string): Promise<HTMLElement> {
  const vars = { territory, on: on || null, lang: lang().toUpperCase() }
  const [brokers, clusters, isolation, ...bridges] = await Promise.allSettled([
    query<{ brokers: Broker[] }>('Brokers', vars).then((d) => d.brokers),
    query<{ clusters: { modularity: number; clusters: Cluster[] } }>('Clusters', vars).then((d) => d.clusters),
    query<{ isolation: Isolation }>('Isolation', vars).then((d) => d.isolation),
    ...divides.map((across) => query<{ bridges: BridgeReport }>('Bridges', { ...vars, across }).then((d) => d.bridges)),
  ])
  const part = (key: string, ...children: Child[]) => h('div', { class: 'analysis', 'data-analysis': key }, h('h3', null, t(`net.${key}`)), h('p', { class: 'muted' }, t(`net.${key}Intro`)), ...children)
  return section('net.title',
    h('p', null, t('net.intro')),
    part('brokers', answer(brokers, brokerList)),
    part('clusters', answer(clusters, clusterList)),
    part('isolation', answer(isolation, isolationLists)),
    divides.map((across, i) => h('div', { class: 'analysis', 'data-analysis': 'bridges', 'data-across': across },
      h('h3', null, t(`net.bridges.${across}`)), answer(bridges[i], bridgeReport))))
}

function chainList(intros: Introduction[]): Child {
  if (intros.length === 0) return h('p', { role: 'status' }, t('intro.none'))
  return h('ol', { class: 'introductions' }, intros.map((x) => h('li', { class: 'chain', 'data-length': x.length },
    h('span', { class: 'muted' }, t('intro.length', { n: x.length })), ' ',
    x.chain.map((n, i) => [i > 0 ? h('span', { 'aria-hidden': 'true' }, ' → ') : null, h('span', { class: i % 2 === 0 ? 'step organisation' : 'step project' }, link(n))]))))
}

// introductionsSection lets a facilitator find the chains of shared
// projects from this organisation to another, chosen by a search.
export function introductionsSection(self: Named, on: string): HTMLElement {
  const input = h('input', { id: 'intro-q', name: 'q', type: 'search', autocomplete: 'off' })
  const maxLength = h('select', { id: 'intro-max', name: 'maxLength' }, [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: String(n) }, String(n))))
  maxLength.value = '3'
  const candidates = h('div', { class: 'intro-candidates' })
  const result = h('div', { class: 'intro-result', 'aria-live': 'polite' })
  const status = h('p', { role: 'status', class: 'form-status' })
  const introduce = async (other: Named): Promise<void> => {
    status.textContent = t('loading')
    try {
      const d = await query<{ introductions: Introduction[] }>('Introductions',
        { from: self.id, to: other.id, on: on || null, maxLength: Number(maxLength.value), lang: lang().toUpperCase() })
      result.replaceChildren(h('h3', null, t('intro.to', { name: other.name })), frag(chainList(d.introductions)))
    } catch (err) {
      result.replaceChildren(refused(err))
    }
    status.textContent = ''
  }
  const search = async (e: Event): Promise<void> => {
    e.preventDefault()
    const q = input.value.trim()
    if (q.length === 0) return
    status.textContent = t('loading')
    try {
      const d = await query<{ organisations: { nodes: Named[] } }>('Search', { q, lang: lang().toUpperCase() })
      const found = d.organisations.nodes.filter((n) => n.id !== self.id)
      candidates.replaceChildren(found.length === 0 ? h('p', null, t('search.nothing', { q })) : h('ul', { class: 'results' },
        found.map((n) => h('li', null, h('button', { type: 'button', class: 'secondary', 'data-organisation': n.id, onclick: () => void introduce(n) },
          t('intro.choose', { name: n.name }))))))
      status.textContent = ''
    } catch (err) {
      candidates.replaceChildren(refused(err))
      status.textContent = ''
    }
  }
  return section('intro.title',
    h('p', null, t('intro.help', { name: self.name })),
    h('form', { class: 'introductions-form', role: 'search', 'aria-label': t('intro.title'), onsubmit: (e: Event) => void search(e) },
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'intro-q' }, t('intro.other')), input),
        h('div', { class: 'field' }, h('label', { for: 'intro-max' }, t('intro.maxLength')), maxLength)),
      h('button', { type: 'submit' }, t('search.button'))),
    candidates, status, result)
}
