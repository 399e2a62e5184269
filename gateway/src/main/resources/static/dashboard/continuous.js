/**
 * The continuous part of a continuous job's page: serving version, prompt lag, backpressure and staleness
 * counters, pause / resume / stop, and every round with its promotion decision, from
 * /api/jobs/{id}/continuous.
 */
import {getJson, postJson} from './api.js';
import {badge, el, fmt, headRow, when} from './dom.js';

/** The states in which a continuous job is still followed (it can be resumed from PAUSED). */
export const FOLLOWED = ['QUEUED', 'RUNNING', 'PAUSED'];

/** Fetches the job's continuous view and returns its section; `refresh` redraws the page after an action. */
export async function continuousSection(job, report, refresh) {
  const view = await getJson(`/api/jobs/${encodeURIComponent(job.id)}/continuous`);
  const consumer = view.consumer;
  return el('section', {id: 'continuous', class: 'card'},
      el('div', {class: 'title'}, el('h2', {}, 'Continuous alignment'), actions(job, report, refresh)),
      el('dl', {class: 'facts'},
          fact('Serving version', el('span', {id: 'serving-version'}, `v${view.servingVersion}`)),
          fact('Prompt lag', `${consumer.lag} records in sppo.prompts`),
          fact('Rounds behind', `${view.roundsBehind} (pause above ${view.settings.maxRoundsBehind})`),
          FOLLOWED.includes(view.state)
              ? fact('Waiting for a round', `${view.waitingPrompts} of ${view.settings.roundPrompts} prompts`)
              : fact('Dropped when the job ended', `${view.droppedAtEnd} stored prompts never trained on`),
          fact('Consumer', `${consumer.paused ? 'paused' : 'consuming'} · ${consumer.pauses} pauses, `
              + `${consumer.resumes} resumes`),
          fact('Stale replies', `S = ${view.settings.stalenessBound} (${view.settings.staleAction.toLowerCase()}): `
              + `${consumer.staleRegenerated} regenerated, ${consumer.staleDropped} dropped`)),
      el('table', {id: 'rounds'},
          headRow('Round', 'Prompts', 'Dropped', 'Regenerated', 'Phase', 'Candidate', 'Win rate vs serving',
              'Threshold', 'Decision', 'Formed'),
          el('tbody', {}, view.rounds.slice().reverse().map(roundRow))));
}

function actions(job, report, refresh) {
  const button = (label, action, visible, style = 'quiet') => visible ? el('button', {
    type: 'button', class: style, dataset: {action},
    onclick: async event => {
      event.target.disabled = true;
      try {
        await postJson(`/api/jobs/${encodeURIComponent(job.id)}/${action}`);
        await refresh();
      } catch (error) {
        report(error);
        event.target.disabled = false;
      }
    }}, label) : null;
  return el('span', {},
      button('Pause', 'pause', job.state === 'RUNNING'),
      button('Resume', 'resume', job.state === 'PAUSED'),
      button('Stop', 'stop', FOLLOWED.includes(job.state), 'danger'));
}

function roundRow(round) {
  const d = round.decision;
  const decision = d == null ? '–' : el('span', {title: d.reason},
      badge(d.promoted ? 'PROMOTED' : 'REJECTED'), ` ${d.reason}`);
  return el('tr', {dataset: {round: String(round.round)}},
      el('td', {class: 'num'}, String(round.round)),
      el('td', {class: 'num'}, String(round.prompts)),
      el('td', {class: 'num'}, String(round.dropped)),
      el('td', {class: 'num'}, String(round.regenerations)),
      el('td', {}, round.finishedAt ? 'done' : round.phase ?? 'waiting'),
      el('td', {}, d?.candidateVersion == null ? '–' : `v${d.candidateVersion} (from v${d.servingVersion})`),
      el('td', {}, d?.winRate == null ? '–' : `${fmt(d.winRate)} [${fmt(d.lower)}, ${fmt(d.upper)}]`),
      el('td', {class: 'num'}, d == null ? '–' : fmt(d.threshold, 2)),
      el('td', {}, decision),
      el('td', {}, when(round.formedAt)));
}

function fact(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}
