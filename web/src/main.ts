// The explorer: a single-page application whose every page has its own URL
// (shareable, survives a reload: the server answers each with index.html).
import './style.css'
import { h } from './dom'
import { lang, langs, setLang, t, type Lang } from './i18n'
import { canEdit, refresh, signedIn } from './session'
import { ApiError } from './api'
import type { Page, PageContext } from './page'
import { homePage, searchPage } from './pages/search'
import { territoryPage } from './pages/territory'
import { projectPage } from './pages/project'
import { organisationPage } from './pages/organisation'
import { funderPage } from './pages/funder'
import { termPage } from './pages/term'
import { networkPage } from './pages/network'
import { editPage, newPage } from './pages/edit'
import { importPage } from './pages/import'
import { signInPage } from './pages/signin'
import { consultationsPage, consultationPage, meetingPage } from './pages/consultation'
import { notFoundPage } from './page'

type Route = (ctx: PageContext) => Promise<Page>

const routes: Record<string, Route> = {
  '': homePage, search: searchPage, territory: territoryPage, project: projectPage, organisation: organisationPage,
  funder: funderPage, theme: termPage, targetgroup: termPage, function: termPage, network: networkPage,
  edit: editPage, new: newPage, import: importPage, signin: signInPage,
  consultations: consultationsPage, consultation: consultationPage, meeting: meetingPage,
}

const main = h('main', { id: 'main', tabindex: '-1' })
const header = h('header', { class: 'site' })
const footer = h('footer', { class: 'site' })
let generation = 0

function renderHeader(): void {
  footer.replaceChildren(h('a', { href: '/playground' }, t('nav.playground')), ' · ', h('a', { href: '/operations.json' }, 'operations.json'))
  const q = new URLSearchParams(location.search).get('q') ?? ''
  const input = h('input', { type: 'search', name: 'q', id: 'site-search', value: q, placeholder: t('search.placeholder'), autocomplete: 'off' })
  const caller = signedIn()
  header.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t('nav.skip')),
    h('a', { class: 'brand', href: '/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), t('app.name')),
    h('form', { class: 'search', role: 'search', action: '/search', onsubmit: (e: Event) => {
      e.preventDefault()
      navigate(`/search?q=${encodeURIComponent(input.value.trim())}`)
    } },
      h('label', { for: 'site-search', class: 'visually-hidden' }, t('search.label')),
      input,
      h('button', { type: 'submit' }, t('nav.search'))),
    h('nav', { 'aria-label': t('nav.main') },
      h('a', { href: '/consultations', 'data-testid': 'nav-consultations' }, t('nav.consultations')),
      canEdit() ? h('a', { href: '/new/project' }, t('nav.new')) : null,
      canEdit() ? h('a', { href: '/import' }, t('nav.import')) : null,
      caller
        ? h('a', { href: '/signin', class: 'who', 'data-testid': 'who' }, t('auth.as', { name: caller.name, role: caller.role ?? '' }))
        : h('a', { href: '/signin', 'data-testid': 'signin' }, t('auth.signin')),
      h('div', { class: 'langs', role: 'group', 'aria-label': t('lang.label') },
        langs.map((l) => h('button', {
          type: 'button', lang: l, 'data-lang': l, 'aria-pressed': String(l === lang()),
          'aria-label': { nl: 'Nederlands', fr: 'Français', en: 'English' }[l],
          onclick: () => changeLang(l),
        }, l.toUpperCase())))),
  )
}

function changeLang(l: Lang): void {
  if (l === lang()) return
  setLang(l)
  void render(false)
}

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  void render(true)
}

export async function render(moveFocus: boolean): Promise<void> {
  const gen = ++generation
  document.body.dataset.ready = 'false'
  renderHeader()
  const parts = location.pathname.split('/').filter(Boolean)
  const route = routes[parts[0] ?? '']
  const ctx: PageContext = { params: parts.slice(1), search: new URLSearchParams(location.search), first: parts[0] ?? '', navigate, rerender: () => void render(false) }
  main.setAttribute('aria-busy', 'true')
  let page: Page
  try {
    page = route ? await route(ctx) : notFoundPage()
  } catch (e) {
    page = errorPage(e)
  }
  if (gen !== generation) return // a newer navigation won
  main.replaceChildren(page.node)
  main.removeAttribute('aria-busy')
  document.title = `${page.title} · buurtnet`
  if (moveFocus) {
    const h1 = main.querySelector('h1')
    if (h1) {
      h1.setAttribute('tabindex', '-1')
      h1.focus()
    } else main.focus()
    window.scrollTo(0, 0)
  }
  document.body.dataset.ready = 'true'
  document.body.dataset.page = parts[0] ?? 'home'
}

function errorPage(e: unknown): Page {
  const message = e instanceof ApiError && e.code === 'UNAVAILABLE' ? t('error.network') : e instanceof Error ? e.message : String(e)
  if (e instanceof ApiError && e.code === 'NOT_FOUND') return notFoundPage()
  return { title: t('error.title'), node: h('section', null, h('h1', null, t('error.title')), h('p', { role: 'alert' }, message)) }
}

// Links inside the application move without reloading; downloads, the
// playground and other sites are left to the browser.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  const a = (e.target as Element).closest('a')
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return
  if (/^\/(export|playground|query|operations\.json)/.test(a.pathname)) return
  if (a.pathname === location.pathname && a.search === location.search && a.hash) return
  e.preventDefault()
  navigate(a.pathname + a.search)
})
window.addEventListener('popstate', () => void render(true))

async function start(): Promise<void> {
  setLang(lang())
  document.body.append(header, main, footer)
  try {
    await refresh()
  } catch { /* the page itself will say the service is unreachable */ }
  await render(false)
}

void start()
