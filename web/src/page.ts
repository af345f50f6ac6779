// What every page shares: its context, and small building blocks.
import { h, type Child } from './dom'
import { t, enumText, formatPeriod } from './i18n'
import { pageOf } from './paths'

export interface Page { title: string; node: Node }

export interface PageContext {
  params: string[]
  search: URLSearchParams
  first: string
  navigate: (url: string, replace?: boolean) => void
  rerender: () => void
}

export interface Named { id: string; name: string }

export function notFoundPage(): Page {
  return { title: t('notfound.title'), node: h('section', null, h('h1', null, t('notfound.title')), h('p', null, t('notfound.text'))) }
}

export function link(n: Named | null | undefined): Child {
  return n ? h('a', { href: pageOf(n.id) }, n.name) : null
}

export function links(ns: Named[] | null | undefined): Child {
  if (!ns || ns.length === 0) return h('span', { class: 'muted' }, t('none'))
  return h('ul', { class: 'inline' }, ns.map((n) => h('li', null, link(n))))
}

export function section(titleKey: string, ...children: Child[]): HTMLElement {
  const id = `sec-${titleKey.replace(/\W/g, '-')}`
  return h('section', { 'aria-labelledby': id, class: 'part', 'data-part': titleKey }, h('h2', { id }, t(titleKey)), ...children)
}

export function facts(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', null, t(k)), h('dd', null, v)]))
}

export function period(p: { start?: string | null; end?: string | null } | null | undefined): string {
  return formatPeriod(p)
}

export function badge(group: string, value: string | null | undefined): Child {
  return value ? h('span', { class: `badge ${group}-${value.toLowerCase()}` }, enumText(group, value)) : null
}

export function table(headers: string[], rows: Child[][], caption?: string): HTMLElement {
  return h('div', { class: 'scroll', role: 'region', 'aria-label': caption ?? headers.join(', '), tabindex: '0' },
    h('table', null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c)))))))
}

export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
