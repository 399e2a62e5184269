/**
 * The job page's samples card: for the first held-out prompts, π₀'s and π_N's responses side by side with the
 * evaluation judge's P(π_N ≻ π₀), from /api/jobs/{id}/samples/{N}. It appears once an iteration has a win rate
 * (iteration t evaluates π_{t+1}); the selector follows the newest version until another one is picked. A job
 * evaluated by its task's gold judge writes no samples, and the card says so.
 */
import {getJson} from './api.js';
import {el, fmt, headRow} from './dom.js';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const GOLD_JUDGED = 'No samples: this job is evaluated by its task\'s gold judge.';

/** The card: `element` to place, `update(iterations)` with the job's iterations on every refresh. */
export function samplesCard(jobId, report) {
  const version = el('select', {id: 'samples-version', name: 'samples-version'});
  const body = el('div', {id: 'samples-body'});
  const element = el('section', {id: 'samples', class: 'card', hidden: true},
      el('div', {class: 'title'}, el('h2', {}, 'Samples'),
          el('label', {for: 'samples-version', class: 'inline'}, 'Policy'), version),
      body);
  let requests = 0;
  const show = async () => {
    const request = ++requests;
    const content = await samplesOf(jobId, Number(version.value), report);
    if (request === requests) {
      body.replaceChildren(content);
    }
  };
  version.addEventListener('change', show);
  return {
    element,
    update(iterations) {
      const latest = newestEvaluated(iterations);
      const offered = version.options.length;
      if (latest === offered) {
        return;
      }
      const following = offered === 0 || Number(version.value) === offered;
      for (let n = offered + 1; n <= latest; n++) {
        version.append(el('option', {value: String(n)}, pi(n)));
      }
      element.hidden = false;
      if (following) {
        version.value = String(latest);
        show();
      }
    },
  };
}

/** The newest policy version with a win rate: iteration t's evaluation is of π_{t+1}. */
function newestEvaluated(iterations) {
  const evaluated = iterations.filter(iteration => iteration.metrics?.win_rate_vs_base);
  return evaluated.length === 0 ? 0 : Math.max(...evaluated.map(iteration => iteration.iteration + 1));
}

async function samplesOf(jobId, n, report) {
  try {
    const samples = await getJson(`/api/jobs/${encodeURIComponent(jobId)}/samples/${n}`);
    return samplesTable(samples.rows, n);
  } catch (error) {
    if (error.unauthorized) {
      report(error);
    }
    return error.status === 404
        ? el('p', {id: 'samples-note', class: 'hint'}, GOLD_JUDGED)
        : el('p', {id: 'samples-note', class: 'error'}, error.message);
  }
}

function samplesTable(rows, n) {
  const mean = rows.reduce((sum, row) => sum + row.preference, 0) / Math.max(rows.length, 1);
  return el('div', {},
      el('p', {class: 'hint'}, `${rows.length} held-out prompts; mean P(${pi(n)} ≻ π₀) = ${fmt(mean)}`),
      el('table', {class: 'samples'},
          el('colgroup', {}, el('col', {class: 'prompt'}), el('col'), el('col'), el('col', {class: 'preference'})),
          headRow('Prompt', 'π₀\'s response', `${pi(n)}'s response`, `P(${pi(n)} ≻ π₀)`),
          el('tbody', {}, rows.map(sampleRow))));
}

function sampleRow(row) {
  return el('tr', {dataset: {prompt: row.prompt_id}},
      el('td', {}, text(row.prompt_text), el('code', {class: 'hint'}, row.prompt_id)),
      el('td', {}, text(row.base_response)),
      el('td', {}, text(row.policy_response)),
      el('td', {class: 'num'}, fmt(row.preference)));
}

function text(value) {
  return el('div', {class: 'sample-text'}, value);
}

function pi(n) {
  return `π${String(n).replace(/\d/g, digit => SUBSCRIPTS[digit])}`;
}
