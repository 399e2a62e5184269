import {postJson} from './api.js';
import {el} from './dom.js';

/** The states in which a job can still be cancelled. */
export const ACTIVE = ['QUEUED', 'RUNNING'];

/** A Cancel button for a queued or running job (null otherwise); `done` gets the cancelled job. */
export function cancelButton(job, report, done) {
  if (!ACTIVE.includes(job.state)) {
    return null;
  }
  const cancel = async event => {
    event.target.disabled = true;
    try {
      done(await postJson(`/api/jobs/${encodeURIComponent(job.id)}/cancel`));
    } catch (error) {
      report(error);
      event.target.disabled = false;
    }
  };
  return el('button', {type: 'button', class: 'danger', dataset: {cancel: job.id}, onclick: cancel}, 'Cancel');
}
