// The network around a territory or a project, drawn with Cytoscape.js:
// projects, their partner organisations and their territories. Filterable by
// theme and function; a click opens the entity's page; exportable as PNG and
// SVG. Below the picture the same entities are listed, for keyboards and
// screen readers.
import cytoscape, { type ElementDefinition } from 'cytoscape'
import cytoscapeSvg from 'cytoscape-svg'
import { h } from '../dom'
import { t, lang } from '../i18n'
import { query } from '../api'
import { idOf, pageOf } from '../paths'
import { notFoundPage, type Named, type Page, type PageContext } from '../page'
import type { TermsData } from './search'

cytoscape.use(cytoscapeSvg)

interface NetProject extends Named {
  partners: { organisation: Named & { acronym: string | null }; role: string }[]
  territories: { territory: Named }[]
  themes: { id: string }[]
  functions: { id: string }[]
}

export interface Graph { nodes: Map<string, { id: string; name: string; kind: string; centre: boolean }>; edges: { from: string; to: string; kind: string }[] }

// graphOf builds the picture's nodes and edges from projects, keeping the
// projects that address theme and work on fn (when given).
export function graphOf(projects: NetProject[], centre: string, theme: string, fn: string): Graph {
  const g: Graph = { nodes: new Map(), edges: [] }
  for (const p of projects) {
    if (p.id !== centre && theme && !p.themes.some((x) => x.id === theme)) continue
    if (p.id !== centre && fn && !p.functions.some((x) => x.id === fn)) continue
    g.nodes.set(p.id, { id: p.id, name: p.name, kind: 'project', centre: p.id === centre })
    for (const x of p.partners) {
      const o = x.organisation
      if (!g.nodes.has(o.id)) g.nodes.set(o.id, { id: o.id, name: o.acronym || o.name, kind: 'organisation', centre: false })
      g.edges.push({ from: o.id, to: p.id, kind: x.role })
    }
    for (const x of p.territories) {
      const tr = x.territory
      if (!g.nodes.has(tr.id)) g.nodes.set(tr.id, { id: tr.id, name: tr.name, kind: 'territory', centre: tr.id === centre })
      g.edges.push({ from: p.id, to: tr.id, kind: 'ACTIVE_IN' })
    }
  }
  if (!g.nodes.has(centre) && centre.startsWith('territory:')) g.nodes.set(centre, { id: centre, name: centre, kind: 'territory', centre: true })
  return g
}

const colours: Record<string, string> = { project: '#1d5c4a', organisation: '#b3541e', territory: '#2f5d9e' }
const shapes: Record<string, string> = { project: 'round-rectangle', organisation: 'ellipse', territory: 'diamond' }

function save(blob: Blob, name: string): void {
  const a = h('a', { href: URL.createObjectURL(blob), download: name })
  document.body.append(a)
  a.click()
  a.remove()
}

export async function networkPage(ctx: PageContext): Promise<Page> {
  const [kind, slug] = ctx.params
  const id = kind && slug ? idOf(kind, slug) : null
  if (!id || (kind !== 'territory' && kind !== 'project')) return notFoundPage()
  const l = lang().toUpperCase()
  let centreName = id
  let projects: NetProject[] = []
  let shown = '' // how many of the overlaps are drawn, when not all
  if (kind === 'territory') {
    const data = await query<{ node: Named | null; projects: { nodes: NetProject[] } }>('NetworkAroundTerritory', { id, lang: l })
    if (!data.node) return notFoundPage()
    centreName = data.node.name
    projects = data.projects.nodes
  } else {
    const data = await query<{ node: NetProject | null; overlapCount: number; overlaps: { project: NetProject }[] }>('NetworkAroundProject', { id, lang: l })
    if (!data.node) return notFoundPage()
    centreName = data.node.name
    projects = [data.node, ...data.overlaps.map((o) => o.project)]
    if (data.overlapCount > data.overlaps.length) shown = t('project.overlapsShown', { shown: data.overlaps.length, count: data.overlapCount })
  }
  const terms = await query<TermsData>('Terms', { lang: l })
  const theme = ctx.search.get('theme') ?? ''
  const fn = ctx.search.get('function') ?? ''
  const g = graphOf(projects, id, theme, fn)
  const title = t('network.title', { name: centreName })

  const themeSelect = h('select', { id: 'network-theme', name: 'theme' }, h('option', { value: '' }, t('network.all')),
    terms.themes.map((x) => h('option', { value: x.id, selected: x.id === theme }, x.name)))
  const fnSelect = h('select', { id: 'network-function', name: 'function' }, h('option', { value: '' }, t('network.all')),
    [...terms.functions].sort((a, b) => a.framework.localeCompare(b.framework) || a.number - b.number)
      .map((x) => h('option', { value: x.id, selected: x.id === fn }, `${x.number}. ${x.name}`)))
  const refilter = (): void => {
    const p = new URLSearchParams()
    if (themeSelect.value) p.set('theme', themeSelect.value)
    if (fnSelect.value) p.set('function', fnSelect.value)
    ctx.navigate(`${location.pathname}${p.size ? `?${p}` : ''}`, true)
  }
  themeSelect.addEventListener('change', refilter)
  fnSelect.addEventListener('change', refilter)

  const box = h('div', { class: 'cy', 'data-testid': 'network', role: 'img', 'aria-label': `${title}. ${t('network.legend')}` })
  const elements: ElementDefinition[] = [
    ...[...g.nodes.values()].map((n) => ({ data: { id: n.id, label: n.name, kind: n.kind, centre: n.centre ? 1 : 0 } })),
    ...g.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, kind: e.kind } })),
  ]
  const fileBase = `network-${slug}`
  let cy: cytoscape.Core | null = null
  const png = h('button', { type: 'button', 'data-testid': 'export-png', onclick: () => cy && void cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 }).then((b) => save(b, `${fileBase}.png`)) }, t('network.png'))
  const svgButton = h('button', { type: 'button', 'data-testid': 'export-svg', onclick: () => {
    if (!cy) return
    const text = (cy as unknown as { svg: (o: object) => string }).svg({ full: true, bg: '#ffffff' })
    save(new Blob([text], { type: 'image/svg+xml' }), `${fileBase}.svg`)
  } }, t('network.svg'))
  const exportLink = kind === 'territory'
    ? h('a', { href: `/export/network?format=graphml&territory=${encodeURIComponent(id)}`, download: '' }, `${t('network.export')} (GraphML)`)
    : null

  const byKind = (k: string) => [...g.nodes.values()].filter((n) => n.kind === k).sort((a, b) => a.name.localeCompare(b.name))
  const node = h('article', { class: 'network' },
    h('h1', null, title),
    h('p', null, h('a', { href: pageOf(id) }, centreName), ' · ', t('network.legend')),
    h('form', { class: 'row filters', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'network-theme' }, t('network.theme')), themeSelect),
      h('div', { class: 'field' }, h('label', { for: 'network-function' }, t('network.function')), fnSelect),
      h('div', { class: 'field buttons' }, png, svgButton, exportLink)),
    shown ? h('p', { class: 'muted', 'data-testid': 'overlaps-shown' }, shown) : null,
    g.nodes.size <= 1 ? h('p', { role: 'status' }, t('network.empty')) : null,
    box,
    h('details', { class: 'network-list' }, h('summary', null, t('network.list')),
      h('div', { class: 'columns' }, (['project', 'organisation', 'territory'] as const).map((k) => h('section', null,
        h('h2', null, t(`kind.${k}`)),
        h('ul', null, byKind(k).map((n) => h('li', null, h('a', { href: pageOf(n.id) }, n.name)))))))))

  // Cytoscape needs the box in the document to measure it.
  requestAnimationFrame(() => {
    if (!box.isConnected) return
    cy = cytoscape({
      container: box,
      elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1a1a1a',
          'text-wrap': 'ellipsis', 'text-max-width': '120px', width: 18, height: 18, 'border-width': 2, 'border-color': '#fff' } },
        ...Object.keys(colours).map((k) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': colours[k], shape: shapes[k] as 'ellipse' } })),
        { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'font-weight': 'bold', 'font-size': 13 } },
        { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa5a0', 'curve-style': 'straight' } },
        { selector: 'edge[kind = "COORDINATOR"]', style: { width: 3, 'line-color': '#5d7a6e' } },
      ],
      layout: { name: 'preset' },
    })
    // Deterministic: rings first (centre, projects, territories,
    // organisations), then a force layout that starts from them rather
    // than from random places, so the same network is drawn the same way.
    cy.layout({ name: 'concentric', concentric: (n) => (n.data('centre') ? 4 : n.data('kind') === 'project' ? 3 : n.data('kind') === 'territory' ? 2 : 1),
      levelWidth: () => 1, minNodeSpacing: 40, animate: false }).run()
    cy.layout({ name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 90, nodeOverlap: 20, gravity: 40, numIter: 1500 } as cytoscape.LayoutOptions).run()
    cy.on('tap', 'node', (e) => ctx.navigate(pageOf(e.target.id())))
    box.dataset.nodes = String(cy.nodes().length)
  })
  return { title, node }
}
