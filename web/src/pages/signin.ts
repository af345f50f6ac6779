import { h } from '../dom'
import { t } from '../i18n'
import { signIn, signOut, signedIn } from '../session'
import type { Page, PageContext } from '../page'

export async function signInPage(ctx: PageContext): Promise<Page> {
  const caller = signedIn()
  if (caller) {
    return {
      title: t('auth.signout'),
      node: h('section', { class: 'signin' }, h('h1', null, t('auth.as', { name: caller.name, role: caller.role ?? '' })),
        h('button', { type: 'button', onclick: () => { signOut(); ctx.navigate('/') } }, t('auth.signout'))),
    }
  }
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true, 'aria-describedby': 'token-help token-error', spellcheck: 'false' })
  const err = h('p', { class: 'field-error', id: 'token-error', hidden: true })
  const next = ctx.search.get('next') ?? '/'
  return {
    title: t('auth.signin'),
    node: h('section', { class: 'signin' },
      h('h1', null, t('auth.signin')),
      h('form', { onsubmit: async (e: Event) => {
        e.preventDefault()
        err.hidden = true
        const who = await signIn(input.value).catch(() => null)
        if (!who) {
          err.textContent = t('auth.bad')
          err.hidden = false
          input.setAttribute('aria-invalid', 'true')
          input.focus()
          return
        }
        ctx.navigate(next.startsWith('/') ? next : '/')
      } },
        h('div', { class: 'field' }, h('label', { for: 'token' }, t('auth.token')), input,
          h('p', { id: 'token-help', class: 'help' }, t('auth.help')), err),
        h('button', { type: 'submit' }, t('auth.signin')))),
  }
}
