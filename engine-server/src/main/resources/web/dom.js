// Small helpers to build the DOM without innerHTML: text is always text, never markup.

/** An element with attributes ({on: {event: fn}} for listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'on') {
      for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value != null) {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.flat().filter((child) => child != null));
  return element;
}

/** Replaces {@code parent}'s children; absent (null) ones are left out, never written as "null". */
export function show(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((child) => child != null));
}

/**
 * A labelled form field with a place for its error, found again by the API field name it stands for; {@code form}
 * tells apart the ids of two forms on one page that have a field of the same name.
 */
export function field(label, apiField, control, form = '') {
  const id = `field-${form}${apiField.replace(/[^a-z0-9]+/gi, '-')}`;
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field', 'data-field': apiField },
    h('label', { for: id }, label),
    control,
    h('p', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' }));
}

/** Shows an API error next to the field it names, or at the form's top when it names none shown. */
export function showError(form, error) {
  form.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
  const target = error.field && form.querySelector(`[data-field="${CSS.escape(error.field)}"] .error`);
  (target ?? form.querySelector('.form-error')).textContent = error.message;
  form.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
  if (target) target.parentElement.querySelector('input, textarea, select')?.setAttribute('aria-invalid', 'true');
}
