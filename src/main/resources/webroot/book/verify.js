// The booking form's phone check (offices with booking.verifyPhone): "Gửi mã" sends a 6-digit code
// by Zalo (or SMS) for the held place, the citizen types it, and only then may "Xác nhận đặt lịch"
// go. The server decides everything (the code, its 5 minutes, the 3 tries, the resend interval); the
// page shows its answers and counts down the resend. The code is bound to the hold: a new hold (another
// slot) starts over. A hold takes its place only once verified: when the slot filled before that, the
// page goes back to the slots. book.js calls resetVerify() when the form is shown and verifyReady() on submit.
// Same constraints as book.js: old Android WebViews, no optional chaining, no newer DOM APIs.
import { t } from '../assets/i18n.js';
import { api } from '../assets/api.js';

const $ = id => document.getElementById(id);
const v = { context: null, block: null, verified: null, timer: null, busy: false };

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(k => e.setAttribute(k, attrs[k]));
  if (text) e.textContent = text;
  return e;
}

/** 0912 345 678, +84912345678 and 84912345678 are one number. */
function samePhone(a, b) {
  const norm = p => String(p || '').replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  return norm(a) === norm(b);
}

function typedPhone() {
  return $('phone').value;
}

/** Builds the block once, after the phone field. */
function build() {
  const block = el('div', { id: 'verify', class: 'field verify', hidden: '' });
  block.appendChild(el('p', { class: 'verify-intro', 'data-i18n': 'verify.intro' }, t('verify.intro')));
  const send = el('button', { id: 'verify-send', type: 'button', class: 'btn secondary wide',
    'data-i18n': 'verify.send' }, t('verify.send'));
  block.appendChild(send);
  const entry = el('div', { id: 'verify-entry', class: 'verify-entry', hidden: '' });
  entry.appendChild(el('p', { id: 'verify-sent', class: 'field-hint', role: 'status' }));
  entry.appendChild(el('label', { for: 'verify-code', 'data-i18n': 'verify.codeLabel' }, t('verify.codeLabel')));
  const row = el('div', { class: 'verify-row' });
  row.appendChild(el('input', { id: 'verify-code', inputmode: 'numeric', autocomplete: 'one-time-code',
    maxlength: '6', pattern: '[0-9]*', 'aria-describedby': 'verify-error' }));
  row.appendChild(el('button', { id: 'verify-confirm', type: 'button', class: 'btn',
    'data-i18n': 'verify.confirm' }, t('verify.confirm')));
  entry.appendChild(row);
  entry.appendChild(el('button', { id: 'verify-resend', type: 'button', class: 'btn ghost wide' }, t('verify.resend')));
  block.appendChild(entry);
  block.appendChild(el('p', { id: 'verify-error', class: 'field-error', role: 'alert', hidden: '' }));
  block.appendChild(el('p', { id: 'verify-ok', class: 'notice ok', role: 'status', hidden: '' }));
  const phoneField = $('phone').parentNode;
  phoneField.parentNode.insertBefore(block, phoneField.nextSibling);
  send.addEventListener('click', sendCode);
  $('verify-resend').addEventListener('click', sendCode);
  $('verify-confirm').addEventListener('click', confirmCode);
  $('verify-code').addEventListener('input', () => {
    const digits = $('verify-code').value.replace(/\D/g, '').slice(0, 6);
    if (digits !== $('verify-code').value) $('verify-code').value = digits;
    error('');
    if (digits.length === 6) confirmCode();
  });
  // Enter in the code box confirms the code, it does not send the booking
  $('verify-code').addEventListener('keydown', e => {
    if (e.key === 'Enter') {
      e.preventDefault();
      confirmCode();
    }
  });
  $('phone').addEventListener('input', render);
  return block;
}

function required() {
  const c = v.context && v.context();
  return !!(c && c.office && c.office.booking && c.office.booking.verifyPhone);
}

function hold() {
  const c = v.context && v.context();
  return c && c.hold ? c.hold : null;
}

function isVerified() {
  return !!(v.verified && v.verified.hold === hold() && samePhone(v.verified.phone, typedPhone()));
}

function error(text) {
  // right under the code input once it shows (a phone's keyboard hides what is further down)
  const anchor = $('verify-entry').hidden ? $('verify-entry') : $('verify-resend');
  anchor.parentNode.insertBefore($('verify-error'), anchor);
  $('verify-error').textContent = text || '';
  $('verify-error').hidden = !text;
  if (text) $('verify-code').setAttribute('aria-invalid', 'true');
  else $('verify-code').removeAttribute('aria-invalid');
}

function render() {
  v.block.hidden = !required();
  const done = isVerified();
  v.block.firstChild.hidden = done;
  $('verify-ok').hidden = !done;
  $('verify-ok').textContent = done ? t('verify.done', { phone: v.verified.masked }) : '';
  $('verify-send').hidden = done || !$('verify-entry').hidden;
  if (done) $('verify-entry').hidden = true;
}

function countdown(seconds) {
  if (v.timer) clearInterval(v.timer);
  const until = Date.now() + Math.max(0, seconds) * 1000;
  const button = $('verify-resend');
  const tick = () => {
    const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
    button.disabled = left > 0;
    button.textContent = left > 0 ? t('verify.resendIn', { time: Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') })
      : t('verify.resend');
    if (!left && v.timer) {
      clearInterval(v.timer);
      v.timer = null;
    }
  };
  tick();
  if (seconds > 0) v.timer = setInterval(tick, 1000);
}

async function sendCode() {
  if (v.busy) return;
  error('');
  if (!hold()) {
    error(t('verify.noHold'));
    return;
  }
  v.busy = true;
  try {
    const sent = await api('/api/v1/offices/' + encodeURIComponent(v.context().office.id) + '/holds/'
      + encodeURIComponent(hold()) + '/verification', { method: 'POST', body: { phone: typedPhone() } });
    v.verified = null;
    $('verify-entry').hidden = false;
    $('verify-sent').textContent = t(sent.channel === 'sms' ? 'verify.sentSms' : 'verify.sentZalo', { phone: sent.phone });
    $('verify-code').value = '';
    // the interval as the server counts it (its clock, not the phone's): resendAfter - sent at
    countdown(Math.round((Date.parse(sent.resendAfter) - Date.parse(sent.expiresAt)) / 1000) + 300);
    render();
    $('verify-code').focus();
  } catch (e) {
    if (e.code === 'otp_resend_wait' && e.details && e.details.retryAfter) countdown(e.details.retryAfter);
    error(e.message);
  } finally {
    v.busy = false;
  }
}

async function confirmCode() {
  const code = $('verify-code').value;
  if (v.busy) return;
  if (!/^\d{6}$/.test(code)) {
    error(t('verify.sixDigits'));
    $('verify-code').focus();
    return;
  }
  v.busy = true;
  const heldFor = hold();
  const phone = typedPhone();
  try {
    const ok = await api('/api/v1/offices/' + encodeURIComponent(v.context().office.id) + '/holds/'
      + encodeURIComponent(heldFor) + '/verification/confirm', { method: 'POST', body: { code } });
    v.verified = { hold: heldFor, phone, masked: ok.phone };
    if (v.timer) clearInterval(v.timer);
    error('');
    render();
    // the verified hold now takes its place, for a fresh hold time: the page's countdown follows
    if (ok.expiresAt && v.context().verified) v.context().verified(ok.expiresAt);
    $('submit').focus();
  } catch (e) {
    if (e.code === 'slot_full' && v.context().slotFull) {
      // the slot filled while the code was typed: an unverified hold keeps no place, so choose again
      v.verified = null;
      if (v.timer) clearInterval(v.timer);
      v.context().slotFull(t('verify.slotFull'));
      return;
    }
    error(e.message);
    $('verify-code').value = '';
    $('verify-code').focus();
  } finally {
    v.busy = false;
  }
}

/**
 * Shows the step for the form just opened; {@code context} gives { office, hold } (the hold's id),
 * and may give verified(expiresAt) (the hold's new expiry once verified) and slotFull(message)
 * (the slot filled before the code was confirmed: back to the slots).
 */
export function resetVerify(context) {
  v.context = context;
  if (!v.block) v.block = build();
  if (v.timer) clearInterval(v.timer);
  v.timer = null;
  $('verify-entry').hidden = true;
  $('verify-resend').disabled = false;
  error('');
  render();
}

/** True when the booking may be sent; otherwise says what is missing and points at it. */
export function verifyReady() {
  if (!v.block || !required() || isVerified()) return true;
  error(t('verify.needed'));
  const target = $('verify-entry').hidden ? $('verify-send') : $('verify-code');
  target.focus();
  try { v.block.scrollIntoView({ behavior: 'smooth', block: 'center' }); } catch (old) { v.block.scrollIntoView(true); }
  return false;
}
