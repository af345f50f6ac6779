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
  '#ff7f0e', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#e6550d']
const sectorOrder = ['HEALTH_CARE', 'MENTAL_HEALTH', 'HOME_CARE', 'PHARMACY', 'HOSPITAL', 'WELFARE', 'SOCIAL_SERVICES', 'ELDERLY_CARE',
  'INSURANCE', 'EDUCATION', 'RESEARCH', 'HOUSING', 'SPORT', 'CULTURE', 'COMMUNITY', 'PUBLIC_ADMINISTRATION', 'PATIENT_RIGHTS']

export function sectorColour(sector: string | undefined): string {
  const i = sector ? sectorOrder.indexOf(sector) : -1
  return i < 0 ? '#555555' : palette[i % palette.length]
}

const rings = ['CO_DECIDE', 'CO_CREATE', 'CONSULT', 'INFORM'] // inside out
const ringFill = ['#dceee6', '#e8f3ee', '#f2f8f5', '#fafcfb']

function short(o: MapOrg): string {
  const n = o.acronym || o.name
  return n.length > 16 ? `${n.slice(0, 15)}…` : n
}

export function stakeholderMap(data: StakeholderData, title: string): HTMLElement {
  const size = 520
  const c = size / 2
  const step = 58
  const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, role: 'group', 'aria-labelledby': 'stakeholder-title', class: 'stakeholder-map', width: String(size), height: String(size) },
    s('title', { id: 'stakeholder-title' }, title))
  for (let i = rings.length - 1; i >= 0; i--) {
    svg.append(s('circle', { cx: c, cy: c, r: step * (i + 1) + 20, fill: ringFill[i], stroke: '#8fb5a5', 'stroke-width': 1 }))
  }
  rings.forEach((level, i) => {
    svg.append(s('text', { x: c, y: c - step * (i + 1) - 6, 'text-anchor': 'middle', class: 'ring-label' }, enumText('level', level)))
  })
  const used = new Set<string>()
  rings.forEach((level, i) => {
    const group = data.levels.find((l) => l.level === level)
    const parts = [...(group?.participants ?? [])].sort((a, b) =>
      sectorOrder.indexOf(a.organisation.sectors[0] ?? '') - sectorOrder.indexOf(b.organisation.sectors[0] ?? '') || a.organisation.name.localeCompare(b.organisation.name))
    const r = i === 0 && parts.length === 1 ? 0 : step * (i + 1) + 20 - step / 2
    parts.forEach((p, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * (k + 0.5)) / parts.length + i * 0.35
      const x = c + r * Math.cos(angle)
      const y = c + r * Math.sin(angle)
      const sector = p.organisation.sectors[0]
      if (sector) used.add(sector)
      const a = s('a', { href: pageOf(p.organisation.id) },
        s('title', null, `${p.organisation.name} · ${enumText('level', level)}${sector ? ` · ${enumText('sector', sector)}` : ''}`),
        s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 9, fill: sectorColour(sector), stroke: '#fff', 'stroke-width': 2 }),
        s('text', { x: x.toFixed(1), y: (y + 22).toFixed(1), 'text-anchor': 'middle', class: 'dot-label' }, short(p.organisation)))
      svg.append(a)
    })
  })
  for (const p of data.unassessed) if (p.organisation.sectors[0]) used.add(p.organisation.sectors[0])
  const legend = h('ul', { class: 'legend' }, sectorOrder.filter((x) => used.has(x)).map((x) =>
    h('li', null, h('span', { class: 'swatch', style: `background:${sectorColour(x)}` }), enumText('sector', x))))
  const unassessed = data.unassessed.length === 0 ? null : h('div', { class: 'unassessed' },
    h('h3', null, t('project.unassessed')),
    h('ul', null, data.unassessed.map((p) => h('li', null,
      h('span', { class: 'swatch', style: `background:${sectorColour(p.organisation.sectors[0])}` }),
      h('a', { href: pageOf(p.organisation.id) }, p.organisation.name)))))
  return h('figure', { class: 'stakeholders' }, svg, h('figcaption', null, legend, unassessed))
}
