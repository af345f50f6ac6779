// Form fields with their error beside them: the API names the field to
// blame in extensions.field (e.g. "period.end"), and the form shows the
// message under that field.
import { h, nextId } from './dom'
import { t, enumText } from './i18n'
import type { ApiError } from './api'

export interface FieldSpec {
  path: string
  label: string
  type: 'text' | 'textarea' | 'date' | 'select' | 'checks' | 'url'
  options?: string[]
  enumGroup?: string
  required?: boolean
  createOnly?: boolean
  // Other names the API may use for this field (e.g. "to" for a link's other end).
  aliases?: string[]
}

export interface FieldControl {
  spec: FieldSpec
  wrapper: HTMLElement
  get(): string | string[]
  set(v: string | string[] | null | undefined): void
  error(message: string | null): void
  focus(): void
}

export function control(spec: FieldSpec, value?: string | string[] | null): FieldControl {
  const id = nextId(`f-${spec.path.replace(/\W/g, '-')}`)
  const errId = `${id}-error`
  const err = h('p', { class: 'field-error', id: errId, hidden: true })
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null = null
  let checks: HTMLInputElement[] = []
  let wrapper: HTMLElement
  const common = { id, name: spec.path, 'data-path': spec.path, 'aria-describedby': errId, required: spec.required }
  if (spec.type === 'checks') {
    checks = (spec.options ?? []).map((o) => h('input', { type: 'checkbox', value: o, name: spec.path, id: `${id}-${o}` }))
    wrapper = h('fieldset', { class: 'field checks', 'data-path': spec.path, 'aria-describedby': errId },
      h('legend', null, t(spec.label)),
      checks.map((c) => h('label', { for: c.id, class: 'check' }, c, ' ', enumText(spec.enumGroup ?? '', c.value))), err)
  } else {
    if (spec.type === 'select') {
      input = h('select', common, h('option', { value: '' }, t('edit.choose')),
        (spec.options ?? []).map((o) => h('option', { value: o }, enumText(spec.enumGroup ?? '', o))))
    } else if (spec.type === 'textarea') {
      input = h('textarea', { ...common, rows: '3' })
    } else {
      input = h('input', { ...common, type: spec.type, autocomplete: 'off' })
    }
    wrapper = h('div', { class: 'field', 'data-path': spec.path }, h('label', { for: id }, t(spec.label), spec.required ? ' *' : ''), input, err)
  }
  const c: FieldControl = {
    spec, wrapper,
    get: () => (input ? input.value.trim() : checks.filter((x) => x.checked).map((x) => x.value)),
    set: (v) => {
      if (input) input.value = typeof v === 'string' ? v : ''
      else for (const x of checks) x.checked = Array.isArray(v) && v.includes(x.value)
    },
    error: (message) => {
      err.hidden = !message
      err.textContent = message ?? ''
      const target = input ?? wrapper
      if (message) target.setAttribute('aria-invalid', 'true')
      else target.removeAttribute('aria-invalid')
      wrapper.classList.toggle('invalid', Boolean(message))
    },
    focus: () => (input ?? checks[0])?.focus(),
  }
  c.set(value)
  return c
}

// placeErrors shows each error beside its field, the rest in the form's
// alert; it returns whether every error found its field.
export function placeErrors(controls: FieldControl[], alert: HTMLElement, e: ApiError): void {
  for (const c of controls) c.error(null)
  const loose: string[] = []
  let first: FieldControl | null = null
  for (const item of e.errors) {
    const c = item.field ? fieldFor(controls, item.field) : null
    if (c) {
      c.error(item.message)
      first ??= c
    } else loose.push(item.message)
  }
  alert.textContent = loose.length ? loose.join(' ') : t('edit.fix')
  alert.hidden = false
  first?.focus()
}

function fieldFor(controls: FieldControl[], apiField: string): FieldControl | null {
  // The API's field is an input path ("period.end", "input.period.end",
  // "createProject.input.period.start" for a value it could not read).
  const parts = apiField.split('.')
  for (let i = 0; i < parts.length; i++) {
    const f = parts.slice(i).join('.')
    const exact = controls.find((c) => c.spec.path === f || c.spec.aliases?.includes(f))
    if (exact) return exact
    const prefix = controls.find((c) => c.spec.path.startsWith(`${f}.`))
    if (prefix) return prefix
  }
  return null
}

// nest turns {"name.nl": "x"} into {name: {nl: "x"}}.
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [path, v] of Object.entries(flat)) {
    const keys = path.split('.')
    let o = out
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>
    const last = keys[keys.length - 1]
    const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
    o[last] = isObject(v) && isObject(o[last]) ? { ...o[last], ...v } : v
  }
  return out
}
