/** Small DOM helpers shared by the views: an element builder, form fields and value formatting. */

/**
 * Creates an element. Attributes named on* become listeners, `dataset` fills data-* attributes, null and
 * false attributes are left out; children may be nodes, text, null (skipped) or arrays of them.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.flat().filter(child => child != null));
  return node;
}

/** A number with `digits` decimals, or a dash when there is none. */
export function fmt(value, digits = 3) {
  return value == null ? '–' : Number(value).toFixed(digits);
}

/** An ISO instant in the browser's locale, or a dash. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** A coloured job state or health status. */
export function badge(status) {
  return el('span', {class: `badge ${status.toLowerCase()}`}, status);
}

/** A table header row. */
export function headRow(...labels) {
  return el('thead', {}, el('tr', {}, labels.map(label => el('th', {}, label))));
}

/** A form field: its label, the control, and the slot where errors about `path` (a dotted job setting) appear. */
export function formField(path, label, control) {
  return el('div', {class: 'field'}, el('label', {for: control.id}, label), control,
      el('small', {class: 'error', dataset: {errorFor: path}}));
}
