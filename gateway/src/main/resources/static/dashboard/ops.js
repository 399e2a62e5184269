/**
 * Service health in the header and the services panel: throughput and Kafka consumer lag, from the gateway's
 * /api/ops/overview every five seconds. The overview gives running totals; a rate is the change between two
 * overviews over the time between them.
 */
import {getJson} from './api.js';
import {badge, el} from './dom.js';
import {poll} from './poll.js';

const REFRESH_MS = 5000;

/** Starts polling into the header's health list and the panel's table body; returns the function that stops. */
export function opsPanel(health, rows, report) {
  let previous = null;
  return poll(async () => {
    const overview = await getJson('/api/ops/overview');
    health.replaceChildren(...overview.services.map(service =>
        el('li', {title: service.detail ?? service.status, dataset: {service: service.name}},
            badge(service.status), ` ${service.name}`)));
    rows.replaceChildren(...overview.services.map(service => serviceRow(service, previous, overview.at)));
    previous = overview;
  }, REFRESH_MS, report);
}

function serviceRow(service, previous, at) {
  const before = previous?.services.find(other => other.name === service.name);
  const seconds = previous ? (Date.parse(at) - Date.parse(previous.at)) / 1000 : 0;
  return el('tr', {dataset: {service: service.name}},
      el('td', {}, service.name),
      el('td', {}, badge(service.status), service.detail ? el('small', {class: 'hint'}, ` ${service.detail}`) : null),
      el('td', {}, service.meters.map(meter => el('div', {}, rate(meter, before, seconds)))),
      el('td', {}, service.lag.map(lag => el('div', {}, `${lag.group} ← ${lag.topic}: `,
          el('span', {class: 'num'}, String(lag.lag))))));
}

function rate(meter, before, seconds) {
  const earlier = before?.meters.find(other => other.name === meter.name)?.total;
  if (meter.total == null) {
    return `${meter.label}: none yet`;
  }
  if (earlier == null || seconds <= 0) {
    return `${meter.label}: measuring…`;
  }
  return `${((meter.total - earlier) / seconds).toFixed(1)} ${meter.label}/s`;
}
