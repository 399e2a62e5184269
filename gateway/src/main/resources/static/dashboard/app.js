/**
 * The dashboard's entry point: asks for the API key once per tab, routes between the jobs list (#/) and a
 * job's page (#/jobs/{id}), polls the services panel, and shows failures in one notice line.
 */
import {apiKey, setApiKey, forgetApiKey, DEV_KEY} from './api.js';
import {el} from './dom.js';
import {jobsView} from './jobs.js';
import {jobView} from './job.js';
import {opsPanel} from './ops.js';

const view = document.getElementById('view');
const notice = document.getElementById('notice');
const ops = document.getElementById('ops');
const failures = new Map();
const reportView = reporter('view');
let stopView = null;
let stopOps = null;

/** A report function for one source of failures; a missing or wrong key sends the user back to the key form. */
function reporter(source) {
  return error => {
    if (error?.unauthorized) {
      askForKey(`The gateway refused the key: ${error.message}`);
      return;
    }
    if (error) {
      failures.set(source, error.message);
    } else {
      failures.delete(source);
    }
    notice.textContent = [...failures.values()].join(' · ');
    notice.hidden = failures.size === 0;
  };
}

function stopAll() {
  stopView?.();
  stopOps?.();
  stopView = stopOps = null;
  failures.clear();
  notice.hidden = true;
}

function askForKey(message) {
  stopAll();
  forgetApiKey();
  ops.hidden = true;
  const input = el('input', {id: 'api-key', name: 'apiKey', value: DEV_KEY, required: true, autocomplete: 'off'});
  const submit = event => {
    event.preventDefault();
    setApiKey(input.value.trim());
    show();
  };
  view.replaceChildren(el('form', {id: 'key-form', class: 'card narrow', onsubmit: submit},
      el('h2', {}, 'API key'),
      el('p', {class: message ? 'error' : 'hint'},
          message ?? 'The dashboard sends this key as X-API-Key; it is kept for this browser tab only.'),
      el('label', {for: 'api-key'}, 'X-API-Key'), input,
      el('button', {type: 'submit'}, 'Use key')));
  input.focus();
}

function show() {
  if (!apiKey()) {
    askForKey();
    return;
  }
  stopView?.();
  reportView(null);
  view.replaceChildren();
  const job = location.hash.match(/^#\/jobs\/([^/]+)$/);
  ops.hidden = Boolean(job);
  stopView = job ? jobView(view, decodeURIComponent(job[1]), reportView) : jobsView(view, reportView);
  stopOps ??= opsPanel(document.getElementById('health'), ops.querySelector('tbody'), reporter('services'));
}

document.getElementById('change-key').addEventListener('click', () => askForKey());
window.addEventListener('hashchange', show);
show();
