// Spreadsheet upload: a dry run first, with every problem where the author
// can find it (sheet, row, column, reason); then, on confirmation, the import.
import { h } from '../dom'
import { t } from '../i18n'
import { upload, ApiError } from '../api'
import { canEdit } from '../session'
import { table, type Page } from '../page'

interface ImportResult {
  created: number; updated: number; unchanged: number; skipped: number; dryRun: boolean
  createdIds: string[]; updatedIds: string[]
  problems: { sheet: string; row: number; column: string | null; message: string }[]
}

function report(r: ImportResult): HTMLElement {
  return h('section', { class: 'import-report', 'data-testid': 'import-report', 'aria-labelledby': 'import-report-title' },
    h('h2', { id: 'import-report-title' }, t('import.report'), r.dryRun ? ` (${t('import.check')})` : ''),
    h('ul', { class: 'inline counts' },
      h('li', null, `${r.created} ${t('import.created')}`), h('li', null, `${r.updated} ${t('import.updated')}`),
      h('li', null, `${r.unchanged} ${t('import.unchanged')}`), r.skipped ? h('li', null, `${r.skipped} ${t('import.skipped')}`) : null),
    r.problems.length === 0 ? h('p', null, t('import.noProblems')) : [
      h('h3', null, t('import.problems')),
      table([t('import.sheet'), t('import.row'), t('import.column'), t('import.reason')],
        r.problems.map((p) => [p.sheet, p.row ? String(p.row) : '', p.column ?? '', p.message]), t('import.problems')),
    ])
}

export async function importPage(): Promise<Page> {
  if (!canEdit()) {
    return { title: t('import.title'), node: h('section', null, h('h1', null, t('import.title')), h('p', null, t('auth.needEditor')),
      h('a', { href: '/signin?next=/import' }, t('auth.signin'))) }
  }
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.xlsx,.csv,.json,.yaml,.yml', 'aria-describedby': 'import-error' })
  const validOnly = h('input', { type: 'checkbox', id: 'import-valid-only', name: 'validOnly' })
  const err = h('p', { class: 'field-error', id: 'import-error', hidden: true })
  const out = h('div', { 'aria-live': 'polite' })
  const confirm = h('button', { type: 'button', hidden: true, 'data-testid': 'import-confirm' }, t('import.confirm'))
  const run = async (dryRun: boolean): Promise<void> => {
    err.hidden = true
    const f = file.files?.[0]
    if (!f) {
      err.textContent = t('import.file')
      err.hidden = false
      return
    }
    try {
      const data = await upload<{ importNetwork: ImportResult }>('ImportNetwork', f, { dryRun, validOnly: validOnly.checked })
      const r = data.importNetwork
      const blocked = r.problems.length > 0 && !validOnly.checked
      out.replaceChildren(report(r))
      if (blocked) out.append(h('p', { class: 'form-error' }, t('import.blocked')))
      if (!dryRun && !blocked) out.append(h('p', { role: 'status' }, t('import.done')))
      confirm.hidden = !dryRun || blocked
    } catch (e) {
      err.textContent = e instanceof ApiError ? e.message : String(e)
      err.hidden = false
      confirm.hidden = true
    }
  }
  confirm.addEventListener('click', () => void run(false))
  file.addEventListener('change', () => { confirm.hidden = true; out.replaceChildren() })
  validOnly.addEventListener('change', () => { confirm.hidden = true })
  return {
    title: t('import.title'),
    node: h('section', { class: 'import' },
      h('h1', null, t('import.title')),
      h('p', null, t('import.intro')),
      h('form', { onsubmit: (e: Event) => { e.preventDefault(); void run(true) } },
        h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('import.file')), file, err),
        h('div', { class: 'field check' }, validOnly, ' ', h('label', { for: 'import-valid-only' }, t('import.validOnly'))),
        h('button', { type: 'submit', 'data-testid': 'import-check' }, t('import.check')), ' ', confirm),
      out),
  }
}
