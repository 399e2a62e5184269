/**
 * The form that submits a job: the prompt source (prompts.js), the common settings as fields, anything else as
 * JSON merged under them. Empty fields are left out, so the engine's defaults apply. A 400 problem's errors
 * appear next to their fields, or next to the field of the section they lie in (`prompts.dataset` beside the
 * prompts picker); errors about settings without either appear under the JSON box.
 */
import {postJson} from './api.js';
import {el, formField} from './dom.js';
import {promptsPicker} from './prompts.js';

const FIELDS = [
  {path: 'name', label: 'Name', text: true},
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
  const picker = promptsPicker(report);
  const [name, ...settings] = FIELDS.map(input);
  const form = el('form', {id: 'job-form', class: 'card', novalidate: true},
      el('h2', {}, 'Submit a job'),
      el('p', {class: 'hint'}, 'Empty fields take the defaults of ./sppo train.'),
      el('div', {class: 'fields'}, name, picker.fields, settings),
      formField(EXTRA, 'More settings (JSON, merged under the fields above)',
          el('textarea', {id: 'f-extra', name: EXTRA, rows: 3, placeholder: '{"base": {"warm_start": {"epochs": 10}}}'})),
      el('p', {class: 'error', dataset: {errorFor: ''}}),
      el('button', {type: 'submit'}, 'Submit job'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('[data-error-for]').forEach(slot => { slot.textContent = ''; });
    let body;
    try {
      body = formBody(form, picker.settings());
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
  return formField(spec.path, spec.label, control);
}

/** The request body: the JSON box, then each non-empty field and the picker's settings set at their dotted paths. */
function formBody(form, picked) {
  const body = parseExtra(form.elements[EXTRA].value);
  for (const spec of FIELDS) {
    const raw = form.elements[spec.path].value.trim();
    if (raw !== '') {
      setPath(body, spec.path, spec.text || spec.options ? raw : Number(raw));
    }
  }
  Object.entries(picked).forEach(([path, value]) => setPath(body, path, value));
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

/**
 * Puts a message next to the field it names, else next to the field of the nearest section that holds it (with
 * the path), else under the JSON box (with the path).
 */
function showError(form, path, message) {
  const own = errorSlot(form, path);
  const slot = own ?? sectionSlot(form, path) ?? errorSlot(form, EXTRA);
  const text = own ? message : `${path}: ${message}`;
  slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
}

function sectionSlot(form, path) {
  for (let end = path.lastIndexOf('.'); end > 0; end = path.lastIndexOf('.', end - 1)) {
    const slot = errorSlot(form, path.slice(0, end));
    if (slot) {
      return slot;
    }
  }
  return null;
}

function errorSlot(form, path) {
  return form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
}
