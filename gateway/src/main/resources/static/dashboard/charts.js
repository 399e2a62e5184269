/**
 * The job page's charts, drawn with uPlot (served from its WebJar): one per metric family, over the
 * iterations. Point t is iteration t, whose metrics describe the update π_t → π_{t+1}: training of π_{t+1}
 * against the frozen reference π_t, then evaluation of π_{t+1} against the base π_0.
 */
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import {el} from './dom.js';

const BLUE = '#2563eb';
const GREEN = '#16a34a';
const RED = '#dc2626';
const AMBER = '#d97706';
const VIOLET = '#7c3aed';
const GREY = '#9ca3af';
const CI_FILL = 'rgba(37, 99, 235, 0.15)';
const HEIGHT = 180;

const line = (label, color, value) => ({label, color, value});
const bound = (label, value) => ({label, value, bound: true});
const reference = (label, level) => ({label, value: () => level, reference: true});

/**
 * Each chart: its series read from an iteration's metrics; `range` fixes the y axis, `span` is the least it
 * shows (clamped to [0, 1]), `band` names the uPlot series indices of a confidence interval; an `optional`
 * chart joins the grid only once its first series has a point (the text guards exist only for judged jobs).
 */
const CHARTS = [
  {id: 'loss', title: 'Training loss', series: [line('loss', BLUE, m => m.loss)]},
  {
    id: 'win-rate', title: 'Win rate of πₜ₊₁ vs π₀, 95% CI', span: [0.4, 0.6], band: {lower: 2, upper: 3},
    series: [line('win rate', BLUE, m => m.win_rate_vs_base?.rate), bound('lower', m => m.win_rate_vs_base?.lower),
      bound('upper', m => m.win_rate_vs_base?.upper), reference('even', 0.5),
      line('length-controlled', GREEN, m => m.length_controlled_win_rate_vs_base)],
  },
  {
    id: 'phat', title: 'P̂ of winners and losers', range: [0, 1],
    series: [line('winners', GREEN, m => m.winner_win_rate), line('losers', RED, m => m.loser_win_rate)],
  },
  {
    id: 'kl', title: 'KL of πₜ₊₁ to the reference πₜ, sampled from πₜ₊₁ (nats)',
    series: [line('KL(πₜ₊₁ ‖ πₜ)', VIOLET, m => m.kl),
      line('log πₜ/πₜ₊₁ on the trained responses (not a KL)', AMBER, m => m.reference_log_ratio),
      line('KL(πₜ₊₁ ‖ π₀)', GREY, m => m.kl_vs_base)],
  },
  {
    id: 'length', title: 'Mean length of πₜ₊₁\'s held-out responses',
    series: [line('characters', AMBER, m => m.mean_response_length), line('tokens', BLUE, m => m.mean_response_tokens)],
  },
  {
    id: 'seconds', title: 'Seconds per phase',
    series: [line('generate', BLUE, m => m.generate_seconds), line('train', AMBER, m => m.train_seconds),
      line('evaluate', VIOLET, m => m.evaluate_seconds)],
  },
  {id: 'tokens', title: 'Training tokens/s', series: [line('tokens/s', GREEN, m => m.tokens_per_second)]},
  {
    id: 'distinct', title: 'Distinct word n-grams of πₜ₊₁\'s held-out responses (falls as text degenerates)',
    range: [0, 1], optional: true,
    series: [line('distinct-2', BLUE, m => m.distinct_2), line('distinct-1', GREEN, m => m.distinct_1)],
  },
  {
    id: 'perplexity', title: 'Perplexity of πₜ₊₁\'s held-out responses under π₀ (soars as text degenerates)',
    optional: true, series: [line('perplexity under π₀', RED, m => m.perplexity_under_base)],
  },
];

/**
 * The chart grid: `element` to place, `update(iterations)` with the job's iterations, `destroy()`. Each chart
 * box carries data-points: how many iterations have its first series, for tests and for the eye.
 */
export function jobCharts() {
  const charts = CHARTS.map(spec => ({
    spec,
    box: el('figure', {class: 'card chart', dataset: {chart: spec.id, points: '0'}}, el('figcaption', {}, spec.title)),
    plot: null,
    shown: !spec.optional,
  }));
  const element = el('section', {class: 'charts'}, charts.filter(chart => chart.shown).map(chart => chart.box));
  const resize = new ResizeObserver(() => charts.forEach(chart => chart.plot?.setSize(size(chart.box))));
  resize.observe(element);
  return {
    element,
    update(iterations) {
      for (const chart of charts) {
        const data = columns(chart.spec, iterations);
        const points = data[1].filter(value => value != null).length;
        if (!chart.shown) {
          if (points === 0) {
            continue;
          }
          element.append(chart.box);
          chart.shown = true;
        }
        if (chart.plot) {
          chart.plot.setData(data);
        } else {
          chart.plot = new uPlot(options(chart.spec, size(chart.box)), data, chart.box);
        }
        chart.box.dataset.points = String(points);
      }
    },
    destroy() {
      resize.disconnect();
      charts.forEach(chart => chart.plot?.destroy());
    },
  };
}

/** uPlot's columnar data: the iteration numbers, then one column per series (null where not measured yet). */
function columns(spec, iterations) {
  const measured = iterations.filter(iteration => iteration.metrics && Object.keys(iteration.metrics).length);
  return [measured.map(iteration => iteration.iteration),
    ...spec.series.map(series => measured.map(iteration => finite(series.value(iteration.metrics))))];
}

function finite(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function size(box) {
  return {width: Math.max(240, box.clientWidth - 24), height: HEIGHT};
}

function options(spec, {width, height}) {
  return {
    width,
    height,
    cursor: {drag: {x: false, y: false}},
    legend: {live: false},
    scales: {
      x: {time: false, range: (plot, min, max) => (min == null ? [0, 1] : [min - 0.5, max + 0.5])},
      y: yScale(spec),
    },
    axes: [
      {label: 'iteration t', incrs: [1, 2, 5, 10, 20, 50, 100]},
      {size: 60, values: (plot, ticks) => ticks.map(tick)},
    ],
    series: [{label: 't'}, ...spec.series.map(style)],
    bands: spec.band ? [{series: [spec.band.upper, spec.band.lower], fill: CI_FILL}] : [],
  };
}

function yScale(spec) {
  if (spec.range) {
    return {range: spec.range};
  }
  if (!spec.span) {
    return {};
  }
  const [low, high] = spec.span;
  return {range: (plot, min, max) => [Math.max(0, Math.min(min ?? low, low)), Math.min(1, Math.max(max ?? high, high))]};
}

/** A y-axis label with three significant digits, so that small values (a KL of 0.0004) stay readable. */
function tick(value) {
  return Math.abs(value) >= 1000 ? value.toLocaleString() : String(Number(value.toPrecision(3)));
}

function style(series) {
  if (series.bound) {
    return {label: series.label, stroke: 'rgba(37, 99, 235, 0.4)', width: 1, points: {show: false}};
  }
  if (series.reference) {
    return {label: series.label, stroke: GREY, width: 1, dash: [4, 4], points: {show: false}};
  }
  return {label: series.label, stroke: series.color, width: 2, points: {show: true, size: 7, fill: series.color}};
}
