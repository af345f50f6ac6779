// Who is present in a territory but not yet involved (seed 003: "Wie is er
// — naast de buurtbewoners — allemaal aanwezig in de buurt?"): the
// organisations located in or serving it that take part in no project
// there, by sector. Its own operation, so that a refusal (a scope too large
// to answer) shows the API's message in its place and the page still draws.
import { h } from './dom'
import { t, lang, enumText } from './i18n'
import { query, ApiError } from './api'
import { links, section, type Named } from './page'

interface Report { total: number; sectors: { sector: string; organisations: Named[] }[]; withoutSector: Named[] }

export async function uninvolvedSection(territory: string, on: string): Promise<HTMLElement> {
  let body: HTMLElement
  try {
    const r = (await query<{ uninvolved: Report }>('Uninvolved', { territory, on: on || null, lang: lang().toUpperCase() })).uninvolved
    const groups: [string, Named[]][] = r.sectors.map((s) => [enumText('sector', s.sector), s.organisations])
    if (r.withoutSector.length) groups.push([t('sector.NONE'), r.withoutSector])
    const shown = new Set(groups.flatMap(([, os]) => os.map((o) => o.id))).size
    body = r.total === 0 ? h('p', null, t('uninvolved.none')) : h('div', { 'data-testid': 'uninvolved' },
      h('p', null, t('uninvolved.count', { n: r.total })),
      h('dl', { class: 'facts by-sector' }, groups.map(([label, os]) => [h('dt', null, label), h('dd', null, links(os))])),
      shown < r.total ? h('p', { class: 'muted' }, t('uninvolved.cut', { shown, n: r.total })) : null)
  } catch (err) {
    body = h('p', { role: 'alert', class: 'form-error analysis-refused', 'data-code': err instanceof ApiError ? err.code ?? '' : '' },
      err instanceof Error ? err.message : String(err))
  }
  return section('uninvolved.title', h('p', null, t('uninvolved.intro')), body)
}
