/**
 * The form that submits a job: the common settings as fields, anything else as JSON merged under them. Empty
 * fields are left out, so the engine's defaults apply. A 400 problem's errors appear next to their fields;
 * errors about settings without a field appear under the JSON box.
 */
import {postJson} from './api.js';
import {el} from './dom.js';

const FIELDS = [
  {path: 'name', label: 'Name', text: true},
  {path: 'task.name', label: 'Task', options: ['addition', 'sorting']},
  {path: 'iterations', label: 'Iterations T'},
  {path: 'prompts_per_iteration', label: 'Prompts per iteration'},
  {path: 'sampling.k', label: 'K responses per prompt'},
  {path: 'sampling.max_new_tokens', label: 'Max new tokens'},
  {path: 'sampling.temperature', label: 'Temperature'},
  {path: 'training.loss', label: 'Loss', options: ['sppo', 'sppo_all', 'sppo_hard', 'dpo', 'ipo']},
  {path: 'training.beta', label: 'β (η = 1/β)'},
  {path: 'training.learning_rate', label: 'Learning rate'},
  {path: 'training.epochs', label: 'Epochs'},
  {path: 'training.batch_size', label: 'Batch size'},
  {path: 'evaluation.prompts', label: 'Evaluation prompts'},
  {path: 'evaluation.samples_per_prompt', label: 'Samples per evaluation prompt'},
  {path: 'seed', label: 'Seed'},
];
const EXTRA = 'extra';

/** The form; `created` gets the new job. */
export function jobForm(report, created) {
  const form = el('form', {id: 'job-form', class: 'card', novalidate: true},
      el('h2', {}, 'Submit a job'),
      el('p', {class: 'hint'}, 'Empty fields take the defaults of ./sppo train.'),
      el('div', {class: 'fields'}, FIELDS.map(input)),
      field(EXTRA, 'More settings (JSON, merged under the fields above)',
          el('textarea', {id: 'f-extra', name: EXTRA, rows: 3, placeholder: '{"base": {"warm_start": {"epochs": 10}}}'})),
      el('p', {class: 'error', dataset: {errorFor: ''}}),
      el('button', {type: 'submit'}, 'Submit job'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('[data-error-for]').forEach(slot => { slot.textContent = ''; });
    let body;
    try {
      body = formBody(form);
    } catch (error) {
      showError(form, EXTRA, error.message);
      return;
    }
    try {
      created(await postJson('/api/jobs', body));
    } catch (error) {
      if (error.unauthorized) {
        report(error);
        return;
      }
      const problems = error.problem?.errors ?? [{field: '', message: error.message}];
      problems.forEach(problem => showError(form, problem.field, problem.message));
    }
  });
  return form;
}

function input(spec) {
  const id = `f-${spec.path.replaceAll('.', '-')}`;
  const control = spec.options
      ? el('select', {id, name: spec.path}, el('option', {value: ''}, 'default'),
          spec.options.map(option => el('option', {value: option}, option)))
      : el('input', {id, name: spec.path, type: spec.text ? 'text' : 'number', step: 'any', placeholder: 'default'});
  return field(spec.path, spec.label, control);
}

function field(path, label, control) {
  return el('div', {class: 'field'}, el('label', {for: control.id}, label), control,
      el('small', {class: 'error', dataset: {errorFor: path}}));
}

/** The request body: the JSON box, then each non-empty field set at its dotted path. */
function formBody(form) {
  const body = parseExtra(form.elements[EXTRA].value);
  for (const spec of FIELDS) {
    const raw = form.elements[spec.path].value.trim();
    if (raw !== '') {
      setPath(body, spec.path, spec.text || spec.options ? raw : Number(raw));
    }
  }
  return body;
}

function parseExtra(text) {
  if (text.trim() === '') {
    return {};
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${error.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('must be a JSON object, e.g. {"seed": 7}');
  }
  return value;
}

function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') {
      node[key] = {};
    }
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}

/** Puts a message next to the field it names, under the JSON box when no field has that path. */
function showError(form, path, message) {
  const own = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
  const slot = own ?? form.querySelector(`[data-error-for="${EXTRA}"]`);
  const text = own ? message : `${path}: ${message}`;
  slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
}
