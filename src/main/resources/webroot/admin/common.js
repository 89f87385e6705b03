// What every tab of the console shares: the session (token in sessionStorage, shared with
// /admin/reports), calls with the token, a small element builder, the confirm dialog, dates.
import { api } from '../assets/api.js';
import { t } from '../assets/i18n.js';
import { formatDate, formatTime } from '../assets/format.js';

export const TOKEN_KEY = 'layso.admin.token';
const SESSION_KEY = 'layso.admin.session';

export const $ = id => document.getElementById(id);

/** The console's state, one object: who is logged in, which office, its settings' zone. */
export const session = { token: null, role: null, username: null, fullName: null, offices: [], office: null, zone: 'Asia/Ho_Chi_Minh' };

function store() {
  try { return window.sessionStorage; } catch (off) { return null; }
}

export function saveSession() {
  const s = store();
  if (!s) return;
  try {
    s.setItem(TOKEN_KEY, session.token);
    s.setItem(SESSION_KEY, JSON.stringify({ role: session.role, username: session.username, fullName: session.fullName,
      offices: session.offices, office: session.office }));
  } catch (full) { /* kept in memory */ }
}

export function readSession() {
  const s = store();
  if (!s) return false;
  try {
    const token = s.getItem(TOKEN_KEY);
    if (!token) return false;
    Object.assign(session, JSON.parse(s.getItem(SESSION_KEY) || '{}'), { token });
    return true;
  } catch (broken) {
    return false;
  }
}

export function forgetSession() {
  const s = store();
  if (s) { try { s.removeItem(TOKEN_KEY); s.removeItem(SESSION_KEY); } catch (off) { /* nothing kept */ } }
  session.token = null;
}

let onSessionEnded = () => {};
export function whenSessionEnds(handler) { onSessionEnded = handler; }

/** A call with the console's token; a 401 ends the session and brings back the log-in screen. */
export async function adminApi(path, options = {}) {
  try {
    return await api(path, { ...options, token: session.token });
  } catch (error) {
    if (error.status === 401) onSessionEnded(error.message);
    throw error;
  }
}

/** The office's path prefix: /api/v1/offices/{office} */
export function officePath(rest = '') {
  return `/api/v1/offices/${encodeURIComponent(session.office)}${rest}`;
}

/** el('button.btn.secondary', {type:'button', onclick}, 'text', child...) */
export function el(spec, attrs = {}, ...children) {
  const id = (spec.match(/#([\w-]+)/) || [])[1];
  const [tag, ...classes] = spec.replace(/#[\w-]+/, '').split('.');
  const node = document.createElement(tag || 'div');
  if (id) node.id = id;
  if (classes.length) node.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The message line under the tabs. */
export function flash(text, kind) {
  notice($('shell-message'), text, kind);
}

export function notice(node, text, kind) {
  node.textContent = text || '';
  node.className = 'notice' + (kind ? ' ' + kind : '') + (node.dataset.extra ? ' ' + node.dataset.extra : '');
  node.hidden = !text;
}

/** dd/MM/yyyy HH:mm in the office's zone; '—' for nothing. */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${formatDate(d, session.zone)} ${formatTime(d, session.zone)}`;
}

/** yyyy-MM-dd of a date in the office's zone. */
export function isoDay(date = new Date()) {
  const [d, m, y] = formatDate(date, session.zone).split('/');
  return `${y}-${m}-${d}`;
}

/** dd/MM/yyyy of a yyyy-MM-dd. */
export function dayText(isoDate) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (isoDate || '');
}

let dialogReturn = null;

/**
 * A modal dialog: title, body nodes and buttons [{label, kind, value}]; resolves with the chosen
 * value (null on Esc or Huỷ). Focus moves into it and back to where it was.
 */
export function dialog(title, body, buttons) {
  const overlay = $('dialog');
  dialogReturn = document.activeElement;
  $('dialog-title').textContent = title;
  $('dialog-body').replaceChildren(...[].concat(body));
  return new Promise(resolve => {
    const close = value => {
      overlay.hidden = true;
      document.removeEventListener('keydown', onKey, true);
      if (dialogReturn && dialogReturn.focus) dialogReturn.focus();
      resolve(value);
    };
    const onKey = event => {
      if (event.key === 'Escape') { event.preventDefault(); close(null); }
      if (event.key === 'Tab') trapFocus(event, overlay);
    };
    $('dialog-foot').replaceChildren(...buttons.map(b => el('button.btn.' + (b.kind || 'secondary'),
      { type: 'button', onclick: () => close(typeof b.value === 'function' ? b.value() : b.value) }, b.label)));
    overlay.hidden = false;
    document.addEventListener('keydown', onKey, true);
    const first = overlay.querySelector('input, select, textarea') || overlay.querySelector('.dialog-foot button');
    if (first) first.focus();
  });
}

function trapFocus(event, container) {
  const focusable = [...container.querySelectorAll('button, input, select, textarea, [tabindex="0"]')].filter(n => !n.disabled);
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
  else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
}

export function confirmDialog(title, text, okLabel, kind = 'danger') {
  return dialog(title, el('p', {}, text), [
    { label: t('admin.cancel'), kind: 'ghost', value: false },
    { label: okLabel, kind, value: true },
  ]);
}

/** A labelled input inside a .field; returns {wrap, input}. */
let fieldSeq = 0;
export function labelled(labelText, input, hint) {
  const id = input.id || `f${++fieldSeq}`;
  input.id = id;
  const wrap = el('div.field', {}, el('label', { for: id }, labelText), input);
  if (hint) {
    const hintId = id + '-hint';
    wrap.append(el('small.hint', { id: hintId }, hint));
    input.setAttribute('aria-describedby', hintId);
  }
  return { wrap, input };
}

/** The paths where two JSON values differ (leaves only), for the "your unsaved changes" list. */
export function changedPaths(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const objects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!objects) return [path || '/'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap(k => changedPaths(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k));
}

/** The value at a path like services[1].prefix. */
export function valueAt(value, path) {
  if (path === '/') return value;
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').reduce((node, key) => (node == null ? undefined : node[key]), value);
}

export function roleName(role) {
  return t('admin.roles.' + String(role || '').toLowerCase());
}
