/**
 * The jobs list (newest first, refreshed every few seconds; the key's own jobs, or every user's for an admin's key,
 * with their owner) with the form that submits a job.
 */
import {getJson} from './api.js';
import {badge, el, headRow, when} from './dom.js';
import {poll} from './poll.js';
import {cancelButton} from './cancel.js';
import {jobForm} from './submit.js';

const REFRESH_MS = 3000;

/** Renders the view into `root`; returns the function that stops its polling. */
export function jobsView(root, report) {
  const rows = el('tbody');
  const refresh = async () => rows.replaceChildren(...jobRows(await getJson('/api/jobs'), report, refresh));
  root.append(
      el('section', {class: 'card'}, el('h2', {}, 'Jobs'),
          el('table', {id: 'jobs'}, headRow('Name', 'Owner', 'State', 'Iteration', 'Phase', 'Created', ''), rows)),
      jobForm(report, job => { location.hash = `#/jobs/${encodeURIComponent(job.id)}`; }));
  return poll(refresh, REFRESH_MS, report);
}

function jobRows(jobs, report, refresh) {
  if (jobs.length === 0) {
    return [el('tr', {}, el('td', {colspan: 7, class: 'hint'}, 'No jobs yet: submit one below.'))];
  }
  return jobs.map(job => el('tr', {dataset: {job: job.id}},
      el('td', {}, el('a', {href: `#/jobs/${encodeURIComponent(job.id)}`}, job.name ?? job.id)),
      el('td', {}, job.owner ?? '–'),
      el('td', {}, badge(job.state)),
      el('td', {class: 'num'}, job.iteration ?? '–'),
      el('td', {}, job.phase ?? '–'),
      el('td', {}, when(job.createdAt)),
      el('td', {}, cancelButton(job, report, refresh))));
}
