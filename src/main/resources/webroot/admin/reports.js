// Manager page /admin/reports?office=..: a period's report with charts, the table by day, field,
// counter, staff or hour (admins also every office side by side), CSV and Excel downloads, and a
// print view on A4. Every figure comes from the server (GET .../reports); the page only draws.
import { loadLang, applyText, langSwitch, t, currentLang } from '../assets/i18n.js';
import { api, ApiError } from '../assets/api.js';

const TOKEN_KEY = 'layso.admin.token';
const $ = id => document.getElementById(id);
const TABS = ['day', 'field', 'counter', 'staff', 'hour'];
const LEVEL_COLOURS = { 5: '#166534', 4: '#4d7c0f', 3: '#0b4f8a', 2: '#b45309', 1: '#b91c1c' };
const state = { token: null, me: null, office: null, by: 'field', from: null, to: null, charts: [] };

function store() {
  try { return window.sessionStorage; } catch (off) { return null; }
}

function saveToken(token) {
  state.token = token;
  const s = store();
  if (!s) return;
  try {
    if (token) s.setItem(TOKEN_KEY, token); else s.removeItem(TOKEN_KEY);
  } catch (full) { /* kept in memory */ }
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function notice(id, text) {
  $(id).textContent = text || '';
  $(id).hidden = !text;
}

function showLogin(message) {
  $('report').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  notice('login-error', message);
  $('username').focus();
}

async function login(event) {
  event.preventDefault();
  try {
    const answer = await api('/api/v1/auth/login', { method: 'POST',
      body: { username: $('username').value.trim(), password: $('password').value } });
    $('password').value = '';
    saveToken(answer.token);
    await start();
  } catch (error) {
    notice('login-error', error.message);
  }
}

/** yyyy-MM-dd of a date in the office's zone. */
function isoDay(date, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date);
}

function vnDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function quickRange(kind) {
  const today = isoDay(new Date(), state.office.timezone);
  const [y, m] = today.split('-').map(Number);
  const pad = n => String(n).padStart(2, '0');
  const lastDay = (yy, mm) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  switch (kind) {
    case 'today': return [today, today];
    case '7days': {
      const d = new Date(today + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() - 6);
      return [d.toISOString().slice(0, 10), today];
    }
    case 'lastMonth': {
      const yy = m === 1 ? y - 1 : y;
      const mm = m === 1 ? 12 : m - 1;
      return [`${yy}-${pad(mm)}-01`, `${yy}-${pad(mm)}-${pad(lastDay(yy, mm))}`];
    }
    case 'year': return [`${y}-01-01`, today];
    default: return [`${y}-${pad(m)}-01`, today];
  }
}

function setRange([from, to]) {
  $('from').value = vnDate(from);
  $('to').value = vnDate(to);
}

/** dd/MM/yyyy as typed -> yyyy-MM-dd (the server checks it is a real date). */
function isoFromVn(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
}

function officeParam() {
  return new URLSearchParams(location.search).get('office');
}

async function start() {
  $('login').hidden = true;
  try {
    state.me = await api('/api/v1/auth/me', { token: state.token });
    if (state.me.mustChangePassword) {
      // a one-time password: the console asks for the new one (same token, same tab), then comes back
      location.replace('/admin?next=' + encodeURIComponent(location.pathname + location.search));
      return;
    }
    const wanted = officeParam() || state.me.office || (state.me.offices || [])[0];
    const offices = wanted ? [{ id: wanted }] : await api('/api/v1/offices');
    state.office = await api('/api/v1/offices/' + encodeURIComponent(offices[0].id));
  } catch (error) {
    if (error.status === 401) {
      saveToken(null);
      showLogin(error.message);
      return;
    }
    $('report').hidden = false;
    notice('report-error', error.message);
    return;
  }
  $('logout').hidden = false;
  $('office-name').textContent = state.office.name;
  $('print-centre').textContent = state.office.name;
  buildTabs();
  setRange(quickRange('month'));
  $('report').hidden = false;
  await show();
}

function buildTabs() {
  const tabs = $('tabs');
  clear(tabs);
  const all = state.me.role === 'ADMIN' ? TABS.concat(['office']) : TABS;
  all.forEach(by => {
    const b = el('button', 'tab', t('reports.by.' + by));
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.by = by;
    b.setAttribute('aria-selected', String(by === state.by));
    b.addEventListener('click', () => {
      state.by = by;
      tabs.querySelectorAll('.tab').forEach(x => x.setAttribute('aria-selected', String(x.dataset.by === by)));
      table();
    });
    tabs.appendChild(b);
  });
}

function reportPath(by, format) {
  const q = `from=${state.from}&to=${state.to}` + (format ? `&format=${format}` : '');
  if (by === 'office') return `/api/v1/reports?${q}`;
  return `/api/v1/offices/${encodeURIComponent(state.office.id)}/reports?${q}&by=${by}`;
}

async function show(event) {
  if (event) event.preventDefault();
  state.from = isoFromVn($('from').value);
  state.to = isoFromVn($('to').value);
  notice('report-error', '');
  $('print-period').textContent = t('reports.period', { from: vnDate(state.from), to: vnDate(state.to) });
  try {
    const [byHour, byField] = await Promise.all([
      api(reportPath('hour'), { token: state.token, timeoutMs: 30000 }),
      api(reportPath('field'), { token: state.token, timeoutMs: 30000 })]);
    summary(byField.total);
    charts(byHour, byField);
    await table();
  } catch (error) {
    failed(error);
  }
}

function failed(error) {
  if (error.status === 401) {
    saveToken(null);
    showLogin(error.message);
    return;
  }
  notice('report-error', error.message);
}

function fmt(n, digits = 1) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString(currentLang() === 'vi' ? 'vi-VN' : 'en-GB',
    { maximumFractionDigits: digits });
}

function summary(total) {
  const box = $('summary');
  clear(box);
  const top = total.ratings.percent[String(Math.max(...Object.keys(total.ratings.levels).map(Number)))];
  [['issued', fmt(total.issued, 0)], ['served', fmt(total.served, 0)],
    ['waitP50', total.waitMinutes.p50 === null ? '—' : t('common.minutes', { n: fmt(total.waitMinutes.p50) })],
    ['withinTarget', total.withinTargetPct === null ? '—' : fmt(total.withinTargetPct) + ' %'],
    ['satisfied', top === null || top === undefined ? '—' : fmt(top) + ' %']].forEach(([key, value]) => {
    const card = el('div', 'card stat');
    card.appendChild(el('span', 'stat-value', value));
    card.appendChild(el('span', 'stat-label', t('reports.stat.' + key)));
    box.appendChild(card);
  });
}

function chartWidth(node) {
  return Math.max(260, Math.floor(node.getBoundingClientRect().width) - 4);
}

function charts(byHour, byField) {
  state.charts.forEach(c => c.destroy());
  state.charts = [];
  const U = window.uPlot;
  const axis = { stroke: '#44506a', grid: { stroke: '#e4e8f0' }, ticks: { stroke: '#d5dae5' } };
  const legend = { show: true, live: false };
  // waits by hour of arrival: median and p90 lines
  const hours = byHour.rows.filter(r => r.waitMinutes.p50 !== null);
  const waits = $('chart-waits');
  clear(waits);
  state.charts.push(new U({
    width: chartWidth(waits), height: 220, legend,
    scales: { x: { time: false, range: (u, lo, hi) => [Math.min(7, lo ?? 7), Math.max(17, hi ?? 17)] },
      y: { range: (u, lo, hi) => [0, Math.max(10, Math.ceil((hi || 0) * 1.1))] } },
    axes: [{ ...axis, values: (u, v) => v.map(h => (Number.isInteger(h) ? String(h).padStart(2, '0') + 'h' : '')) },
      { ...axis, size: 44 }],
    series: [{ label: t('reports.hour') },
      { label: t('reports.p50'), stroke: '#0b4f8a', width: 2, points: { show: true, size: 6 } },
      { label: t('reports.p90'), stroke: '#c2410c', width: 2, dash: [6, 4], points: { show: true, size: 6 } }],
  }, [hours.map(r => Number(r.key)), hours.map(r => r.waitMinutes.p50), hours.map(r => r.waitMinutes.p90)], waits));

  // tickets by field: issued and served bars
  const fields = byField.rows;
  const names = fields.map(r => r.label || r.key);
  const bars = $('chart-fields');
  clear(bars);
  const barPaths = U.paths && U.paths.bars ? U.paths.bars({ size: [0.35, 40], align: 0 }) : undefined;
  const barPathsRight = U.paths && U.paths.bars ? U.paths.bars({ size: [0.35, 40], align: 1 }) : undefined;
  const categories = {
    ...axis, space: 10, rotate: 0, size: 40,
    values: (u, v) => v.map(i => (Number.isInteger(i) && names[i] ? short(names[i]) : '')),
  };
  state.charts.push(new U({
    width: chartWidth(bars), height: 220, legend,
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, fields.length - 0.5)] },
      y: { range: (u, lo, hi) => [0, Math.max(1, Math.ceil((hi || 0) * 1.1))] } },
    axes: [{ ...categories, splits: () => fields.map((r, i) => i) }, { ...axis, size: 44 }],
    series: [{ label: t('reports.field'), value: (u, i) => (i === null ? '' : names[i] || '') },
      { label: t('reports.col.issued'), fill: '#0b4f8a', stroke: '#0b4f8a', paths: barPathsRight, points: { show: false } },
      { label: t('reports.col.served'), fill: '#166534', stroke: '#166534', paths: barPaths, points: { show: false } }],
  }, [fields.map((r, i) => i), fields.map(r => r.issued), fields.map(r => r.served)], bars));

  // rating shares per field: stacked bars (each series the running total of the levels above it)
  const rated = fields.filter(r => r.ratings.count > 0).concat([{ ...byField.total, label: t('reports.total') }]);
  const levels = byField.levels || 3;
  const ratingNames = rated.map(r => r.label || r.key);
  const series = [{ label: t('reports.field'), value: (u, i) => (i === null ? '' : ratingNames[i] || '') }];
  const data = [rated.map((r, i) => i)];
  for (let level = 1; level <= levels; level++) {
    series.push({ label: t(`reports.level${levels}.${level}`), fill: LEVEL_COLOURS[level === 3 && levels === 3 ? 5 : level === 2 && levels === 3 ? 4 : level],
      stroke: 'transparent', paths: U.paths && U.paths.bars ? U.paths.bars({ size: [0.6, 60] }) : undefined,
      points: { show: false } });
    data.push(rated.map(r => {
      let sum = 0;
      for (let l = level; l <= levels; l++) sum += r.ratings.percent[String(l)] || 0;
      return r.ratings.count > 0 ? Math.round(sum * 10) / 10 : null;
    }));
  }
  const ratings = $('chart-ratings');
  clear(ratings);
  state.charts.push(new U({
    width: chartWidth(ratings), height: 220, legend: { show: false },
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, rated.length - 0.5)] }, y: { range: [0, 100] } },
    axes: [{ ...axis, splits: () => rated.map((r, i) => i),
      values: (u, v) => v.map(i => (Number.isInteger(i) && ratingNames[i] ? short(ratingNames[i]) : '')) },
      { ...axis, size: 56, values: (u, v) => v.map(p => p + ' %') }],
    series,
  }, data, ratings));
  const levelsList = $('ratings-legend');
  clear(levelsList);
  for (let level = levels; level >= 1; level--) {
    const li = el('li');
    const swatch = el('span', 'swatch level-' + (levels === 3 ? { 3: 5, 2: 4, 1: 1 }[level] : level));
    swatch.setAttribute('aria-hidden', 'true');
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(t(`reports.level${levels}.${level}`) + ': '
      + (byField.total.ratings.count ? fmt(byField.total.ratings.percent[String(level)]) + ' %' : '—')));
    levelsList.appendChild(li);
  }
}

function short(name) {
  return name.length > 14 ? name.slice(0, 13) + '…' : name;
}

const COLUMNS = [
  ['issued', r => r.issued, 0], ['served', r => r.served, 0], ['noShow', r => r.noShow, 0],
  ['skipped', r => r.skipped, 0], ['cancelled', r => r.cancelled, 0], ['transferred', r => r.transferred, 0],
  ['expired', r => r.expired, 0], ['waitMean', r => r.waitMinutes.mean], ['waitP50', r => r.waitMinutes.p50],
  ['waitP90', r => r.waitMinutes.p90], ['serviceP50', r => r.serviceMinutes.p50],
  ['serviceP90', r => r.serviceMinutes.p90], ['withinTarget', r => r.withinTargetPct],
  ['booked', r => r.appointments.booked, 0], ['checkedIn', r => r.appointments.checkedIn, 0],
  ['ratings', r => r.ratings.count, 0]];

async function table() {
  const by = state.by;
  let report;
  try {
    report = await api(reportPath(by), { token: state.token, timeoutMs: 30000 });
  } catch (error) {
    failed(error);
    return;
  }
  const levels = report.levels || 3;
  const cols = COLUMNS.map(([key, get, digits]) => ({ head: t('reports.col.' + key), get, digits }));
  for (let level = levels; level >= 1; level--) {
    cols.push({ head: t(`reports.level${levels}.${level}`) + ' %', get: r => r.ratings.percent[String(level)] });
  }
  if (by === 'staff') {
    cols.push({ head: t('reports.col.session'), get: r => r.staffTime && r.staffTime.sessionMinutes, digits: 0 });
    cols.push({ head: t('reports.col.serving'), get: r => r.staffTime && r.staffTime.servingMinutes, digits: 0 });
    cols.push({ head: t('reports.col.idle'), get: r => r.staffTime && r.staffTime.idleWhileWaitingMinutes, digits: 0 });
    cols.push({ head: t('reports.col.paused'), digits: 0, get: r => r.staffTime
      && Object.values(r.staffTime.pausedMinutes).reduce((a, b) => a + b, 0) });
  }
  const thead = $('table').querySelector('thead');
  const tbody = $('table').querySelector('tbody');
  const tfoot = $('table').querySelector('tfoot');
  [thead, tbody, tfoot].forEach(clear);
  const head = el('tr');
  const first = el('th', 'key', t('reports.key.' + by));
  first.scope = 'col';
  head.appendChild(first);
  cols.forEach(c => {
    const th = el('th', 'num', c.head);
    th.scope = 'col';
    head.appendChild(th);
  });
  thead.appendChild(head);
  const line = (row, name, into, cell) => {
    const tr = el('tr');
    const th = el(cell, 'key', name);
    if (cell === 'th') th.scope = 'row';
    tr.appendChild(th);
    cols.forEach(c => tr.appendChild(el('td', 'num', fmt(c.get(row), c.digits))));
    into.appendChild(tr);
  };
  report.rows.forEach(r => line(r, rowName(by, r), tbody, 'th'));
  if (report.rows.length === 0) {
    const tr = el('tr');
    const td = el('td', 'empty', t('reports.empty'));
    td.colSpan = cols.length + 1;
    tr.appendChild(td);
    tbody.appendChild(tr);
  }
  line(report.total, t('reports.total'), tfoot, 'th');
  $('table-caption').textContent = t('reports.by.' + by);
}

function rowName(by, r) {
  if (by === 'day') return vnDate(r.key);
  if (by === 'hour') return r.key + ':00';
  return r.label && r.label !== r.key ? `${r.label} (${r.key})` : r.key;
}

async function download(format) {
  notice('report-error', '');
  try {
    const response = await fetch(reportPath(state.by, format), {
      headers: { Authorization: 'Bearer ' + state.token, 'Accept-Language': currentLang() }, cache: 'no-store' });
    if (!response.ok) {
      const json = await response.json().catch(() => ({}));
      throw new ApiError(response.status, json.code, json.message || t('common.serverError'));
    }
    const blob = await response.blob();
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = name ? name[1] : 'bao-cao.' + format;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  } catch (error) {
    failed(error);
  }
}

async function main() {
  await loadLang();
  applyText();
  langSwitch(document.querySelector('.lang-switch'));
  $('login').addEventListener('submit', login);
  $('range').addEventListener('submit', show);
  document.querySelectorAll('[data-quick]').forEach(b => b.addEventListener('click', () => {
    setRange(quickRange(b.dataset.quick));
    show();
  }));
  $('csv').addEventListener('click', () => download('csv'));
  $('xlsx').addEventListener('click', () => download('xlsx'));
  $('print').addEventListener('click', () => window.print());
  $('logout').addEventListener('click', async () => {
    try { await api('/api/v1/auth/logout', { method: 'POST', token: state.token }); } catch (ignored) { /* gone */ }
    saveToken(null);
    showLogin('');
  });
  // the print view is A4 landscape: three charts side by side, each about 85 mm wide
  window.addEventListener('beforeprint', () => state.charts.forEach(c => c.setSize({ width: 320, height: 200 })));
  window.addEventListener('afterprint', () => state.charts.forEach(c =>
    c.setSize({ width: chartWidth(c.root.parentNode), height: 220 })));
  const s = store();
  state.token = s ? s.getItem(TOKEN_KEY) : null;
  if (state.token) await start(); else showLogin('');
}

main();
