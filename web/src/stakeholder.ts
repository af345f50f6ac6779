// The stakeholder map as rings: CO_DECIDE in the centre, INFORM outside;
// each partner a dot on its ring, coloured by its first sector, grouped by
// sector, linking to its page.
import { h, s } from './dom'
import { t, enumText } from './i18n'
import { pageOf } from './paths'

export interface MapOrg { id: string; name: string; acronym: string | null; sectors: string[] }
export interface StakeholderData {
  levels: { level: string; sectors: string[]; participants: { organisation: MapOrg; role: string }[] }[]
  unassessed: { organisation: MapOrg; role: string }[]
}

// Colour-blind-safe-ish palette (Tableau 10 plus darker tones), dark enough
// for the white dot outline and legend text on white.
const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
  '#ff7f0e', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#e6550d',
  '#5254a3', '#8c6d8c', '#31a354', '#636363']
const sectorOrder = ['HEALTH_CARE', 'MENTAL_HEALTH', 'HOME_CARE', 'PHARMACY', 'HOSPITAL', 'WELFARE', 'SOCIAL_SERVICES', 'ELDERLY_CARE',
  'INSURANCE', 'EDUCATION', 'RESEARCH', 'HOUSING', 'SPORT', 'CULTURE', 'COMMUNITY', 'PUBLIC_ADMINISTRATION', 'PATIENT_RIGHTS',
  'YOUTH', 'WORK', 'SOCIAL_ECONOMY', 'SPATIAL_PLANNING']

export function sectorColour(sector: string | undefined): string {
  const i = sector ? sectorOrder.indexOf(sector) : -1
  return i < 0 ? '#ffffff' : palette[i % palette.length]
}

const rings = ['CO_DECIDE', 'CO_CREATE', 'CONSULT', 'INFORM'] // inside out
const ringFill = ['#cfe6dc', '#e0efe8', '#eef6f2', '#f8fbf9']

function short(o: MapOrg): string {
  const n = o.acronym || o.name
  return n.length > 16 ? `${n.slice(0, 15)}…` : n
}

export function stakeholderMap(data: StakeholderData, title: string): HTMLElement {
  // Each ring is as wide as its partners need: a crowded ring grows, so
  // that the dots and their labels keep apart.
  const spacing = 64
  const band = 56
  const groups = rings.map((level) => [...(data.levels.find((l) => l.level === level)?.participants ?? [])].sort((a, b) =>
    sectorOrder.indexOf(a.organisation.sectors[0] ?? '') - sectorOrder.indexOf(b.organisation.sectors[0] ?? '') || a.organisation.name.localeCompare(b.organisation.name)))
  const mids: number[] = []
  let outer = 0
  groups.forEach((parts, i) => {
    const mid = Math.max(outer + band / 2, (parts.length * spacing) / (2 * Math.PI), i === 0 ? 0 : 0)
    mids.push(i === 0 && parts.length <= 1 ? 0 : mid)
    outer = Math.max(mid + band / 2, outer + band)
  })
  const margin = 40
  const size = Math.ceil(2 * (outer + margin))
  const c = size / 2
  const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, role: 'group', 'aria-labelledby': 'stakeholder-title', class: 'stakeholder-map', width: String(size), height: String(size) },
    s('title', { id: 'stakeholder-title' }, title))
  const edges: number[] = []
  let prev = 0
  mids.forEach((m, i) => {
    const edge = i === mids.length - 1 ? outer : Math.max((m + (mids[i + 1] ?? m)) / 2, prev + band / 2)
    edges.push(edge)
    prev = edge
  })
  for (let i = rings.length - 1; i >= 0; i--) {
    svg.append(s('circle', { cx: c, cy: c, r: edges[i].toFixed(1), fill: ringFill[i], stroke: '#8fb5a5', 'stroke-width': 1 }))
  }
  rings.forEach((level, i) => {
    svg.append(s('text', { x: c, y: (c - edges[i] + 14).toFixed(1), 'text-anchor': 'middle', class: 'ring-label' }, enumText('level', level)))
  })
  const used = new Set<string>()
  groups.forEach((parts, i) => {
    const level = rings[i]
    const r = mids[i]
    parts.forEach((p, k) => {
      // The top of each ring is left to its name.
      const gap = r > 0 ? Math.min(0.5, 60 / r) : 0
      const angle = -Math.PI / 2 + gap + ((2 * Math.PI - 2 * gap) * (k + 0.5)) / parts.length
      const x = c + r * Math.cos(angle)
      const y = c + r * Math.sin(angle)
      const sector = p.organisation.sectors[0]
      used.add(sector ?? 'NONE')
      // Labels alternate above and below their dot, so neighbours do not collide.
      const dy = k % 2 === 0 ? 22 : -14
      svg.append(s('a', { href: pageOf(p.organisation.id) },
        s('title', null, `${p.organisation.name} · ${enumText('level', level)}${sector ? ` · ${enumText('sector', sector)}` : ''}`),
        s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 9, fill: sectorColour(sector), stroke: sector ? '#fff' : '#333', 'stroke-width': 2 }),
        s('text', { x: x.toFixed(1), y: (y + dy).toFixed(1), 'text-anchor': 'middle', class: 'dot-label' }, short(p.organisation))))
    })
  })
  for (const p of data.unassessed) used.add(p.organisation.sectors[0] ?? 'NONE')
  const legend = h('ul', { class: 'legend' }, [...sectorOrder, 'NONE'].filter((x) => used.has(x)).map((x) =>
    h('li', null, h('span', { class: `swatch${x === 'NONE' ? ' none' : ''}`, style: `background:${sectorColour(x)}` }), enumText('sector', x))))
  const unassessed = data.unassessed.length === 0 ? null : h('div', { class: 'unassessed' },
    h('h3', null, t('project.unassessed')),
    h('ul', null, data.unassessed.map((p) => h('li', null,
      h('span', { class: `swatch${p.organisation.sectors[0] ? '' : ' none'}`, style: `background:${sectorColour(p.organisation.sectors[0])}` }),
      h('a', { href: pageOf(p.organisation.id) }, p.organisation.name)))))
  return h('figure', { class: 'stakeholders' }, svg, h('figcaption', null, legend, unassessed))
}
