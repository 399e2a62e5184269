/**
 * The job form's prompt source: a built-in task, chosen with the task select, or a prompt file uploaded with
 * POST /api/datasets (those listed by /api/datasets when the form is built). A dataset puts `prompts.dataset` in
 * the job and leaves `task` out.
 */
import {getJson} from './api.js';
import {el, formField} from './dom.js';

const TASKS = ['addition', 'sorting', 'intransitive', 'judge_panel'];
const BUILT_IN = '';

/** The picker: `fields` to place in the form; `settings()` the job settings it makes, by dotted path. */
export function promptsPicker(report) {
  const source = el('select', {id: 'f-prompts', name: 'prompts'}, el('option', {value: BUILT_IN}, 'built-in task'));
  const task = el('select', {id: 'f-task-name', name: 'task.name'}, el('option', {value: ''}, 'default'),
      TASKS.map(name => el('option', {value: name}, name)));
  const sourceField = formField('prompts', 'Prompts', source);
  const taskField = formField('task.name', 'Task', task);
  source.addEventListener('change', () => { taskField.hidden = source.value !== BUILT_IN; });
  listDatasets(source, sourceField, report);
  return {
    fields: [sourceField, taskField],
    settings() {
      if (source.value !== BUILT_IN) {
        return {'prompts.dataset': source.value};
      }
      return task.value === '' ? {} : {'task.name': task.value};
    },
  };
}

async function listDatasets(source, field, report) {
  try {
    const datasets = await getJson('/api/datasets');
    source.append(...datasets.map(dataset => el('option', {value: dataset.id},
        `${dataset.name} (${dataset.prompts} prompts, ${dataset.id.slice(0, 8)})`)));
  } catch (error) {
    if (error.unauthorized) {
      report(error);
      return;
    }
    field.querySelector('[data-error-for]').textContent = `could not list the uploaded datasets: ${error.message}`;
  }
}
