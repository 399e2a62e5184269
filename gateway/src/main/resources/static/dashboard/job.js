/**
 * A job's page, refreshed every two seconds until the job has finished: state, phase and progress, the
 * per-iteration charts, the evaluated versions' samples beside π₀'s (samples.js) and the checkpoints with their
 * kind (a model, or a LoRA adapter on its base), sha256 and a download button; for a continuous job also its rounds, versions, lag, staleness and promotion
 * decisions (continuous.js).
 */
import {download, getJson} from './api.js';
import {badge, el, fmt, headRow, when} from './dom.js';
import {poll} from './poll.js';
import {ACTIVE, cancelButton} from './cancel.js';
import {jobCharts} from './charts.js';
import {continuousSection, FOLLOWED} from './continuous.js';
import {samplesCard} from './samples.js';

const REFRESH_MS = 2000;

/** Renders the page of job `id` into `root`; returns the function that stops its polling. */
export function jobView(root, id, report) {
  const head = el('section', {id: 'job', class: 'card'});
  const stream = el('div');
  const charts = jobCharts();
  const samples = samplesCard(id, report);
  const checkpoints = el('tbody');
  root.append(head, stream, charts.element, samples.element,
      el('section', {class: 'card'}, el('h2', {}, 'Checkpoints'), el('table', {id: 'checkpoints'},
          headRow('Policy', 'Checkpoint', 'Kind', 'sha256', 'Size', 'Created', ''), checkpoints)));
  const refresh = async () => {
    const job = await getJson(`/api/jobs/${encodeURIComponent(id)}`);
    head.replaceChildren(...summary(job, report, refresh));
    if (job.kind === 'continuous') {
      stream.replaceChildren(await continuousSection(job, report, refresh));
    }
    charts.update(job.iterations);
    samples.update(job.iterations);
    checkpoints.replaceChildren(...job.checkpoints.map(checkpoint => checkpointRow(checkpoint, report)));
    return (job.kind === 'continuous' ? FOLLOWED : ACTIVE).includes(job.state);
  };
  const stop = poll(refresh, REFRESH_MS, report);
  return () => {
    stop();
    charts.destroy();
  };
}

function summary(job, report, refresh) {
  const current = job.iterations.find(iteration => iteration.iteration === job.iteration) ?? job.iterations.at(-1);
  const latest = job.iterations.findLast(iteration => iteration.metrics?.win_rate_vs_base)?.metrics.win_rate_vs_base;
  const done = job.iterations.filter(iteration => iteration.finishedAt).length;
  const total = job.kind === 'continuous' ? null : job.config.iterations;
  return [
    el('div', {class: 'title'}, el('h2', {}, job.name ?? job.id), badge(job.state),
        cancelButton(job, report, refresh)),
    el('dl', {class: 'facts'},
        fact('Job', el('code', {}, job.id)),
        fact(job.kind === 'continuous' ? 'Rounds done' : 'Iterations done', total == null ? done : `${done} of ${total}`),
        fact('Now', job.phase ? `iteration ${job.iteration}, ${job.phase}` : '–'),
        fact('Prompts scored', current ? progress(current) : '–'),
        fact('Win rate vs π₀', latest ? `${fmt(latest.rate)} [${fmt(latest.lower)}, ${fmt(latest.upper)}]` : '–'),
        fact('Created', when(job.createdAt)),
        fact('Updated', when(job.updatedAt)),
        job.failureReason ? fact('Failure', el('span', {class: 'error'}, job.failureReason)) : null),
    el('details', {}, el('summary', {}, 'Submitted config'), el('pre', {}, JSON.stringify(job.config, null, 2))),
  ];
}

function fact(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}

function progress(iteration) {
  const {receivedPrompts: received, expectedPrompts: expected} = iteration;
  return el('span', {class: 'progress'},
      el('progress', {id: 'progress', value: received, max: Math.max(expected, 1)}),
      ` ${received} / ${expected} (iteration ${iteration.iteration}, ${iteration.phase})`);
}

function checkpointRow(checkpoint, report) {
  const save = async event => {
    event.target.disabled = true;
    try {
      await download(`/api/checkpoints/${encodeURIComponent(checkpoint.id)}/archive`, `${checkpoint.id}.zip`);
    } catch (error) {
      report(error);
    } finally {
      event.target.disabled = false;
    }
  };
  return el('tr', {dataset: {checkpoint: checkpoint.id}},
      el('td', {}, `π${checkpoint.policyVersion}`),
      el('td', {}, el('code', {}, checkpoint.id)),
      el('td', {class: 'kind'}, checkpoint.base
          ? ['LoRA adapter on ', el('code', {}, checkpoint.base.checkpointId)] : 'model'),
      el('td', {}, el('code', {class: 'sha'}, checkpoint.sha256)),
      el('td', {class: 'num'}, bytes(checkpoint.bytes)),
      el('td', {}, when(checkpoint.createdAt)),
      el('td', {}, el('button', {type: 'button', class: 'quiet', dataset: {download: checkpoint.id}, onclick: save},
          'Download')));
}

function bytes(count) {
  return count >= 1 << 20 ? `${(count / (1 << 20)).toFixed(1)} MB` : `${(count / 1024).toFixed(1)} KB`;
}
