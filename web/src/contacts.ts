// Contact persons are personal data: asked for only when signed in (the API
// refuses them to anonymous callers anyway).
import { h } from './dom'
import { t } from './i18n'
import { query } from './api'
import { signedIn } from './session'
import { section, table } from './page'

interface Person { id: string; name: string | null; function: string | null; email: string | null; phone: string | null }

export async function contactsSection(id: string): Promise<HTMLElement> {
  if (!signedIn()) return section('contacts.title', h('p', { class: 'muted' }, t('contacts.signin')))
  const data = await query<{ node: { contacts: Person[] | null } | null }>('Contacts', { id })
  const people = data.node?.contacts ?? []
  return section('contacts.title', h('div', { 'data-testid': 'contacts' }, people.length === 0 ? h('p', null, t('contacts.none')) : table(
    [t('contacts.name'), t('contacts.function'), t('contacts.email'), t('contacts.phone')],
    people.map((p) => [p.name, p.function, p.email ? h('a', { href: `mailto:${p.email}` }, p.email) : '', p.phone ? h('a', { href: `tel:${p.phone}` }, p.phone) : '']))))
}
