// The booking page (/book): a citizen chooses office, field, day and slot, the place is held while
// the form is filled, and the confirmation shows the code, its QR and an .ics link. "Tra cứu lịch
// hẹn" looks a booking up by code, cancels it or moves it, with the phone as proof. The deep link
// /book?office=..&service=.. (shared in Zalo, printed as a QR) preselects both. The server decides
// everything (window, closed days, capacity, limits, validity); the page only hints and shows.
// Runs in Zalo's in-app browser on old Android WebViews: no pop-ups, no newer DOM APIs, no
// optional chaining; dates stay yyyy-MM-dd strings in the office's zone and are never converted.
import { loadLang, applyText, langSwitch, currentLang, t } from '../assets/i18n.js';
import { api, newKey } from '../assets/api.js';
import { formatDate, formatTime, formatWeekday } from '../assets/format.js';
import { takeHold, releaseHold, holdUsed, holdSession } from './holds.js';
import { resetVerify, verifyReady } from './verify.js';
import './prefill.js';

const PHONE = /^(\+84|84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;
const CCCD = /^\d{12}$/;
const CODE = /^[A-Za-z0-9-]{4,20}$/;
const STEPS = ['step-office', 'step-service', 'step-day', 'step-slot', 'step-form'];

const $ = id => document.getElementById(id);
const state = {
  offices: [], office: null, service: null, days: [], date: null, slot: null, hold: null,
  holdTimer: null, submitKey: null, busy: false, appointment: null, moveDate: null,
};

// ---- small DOM helpers (no replaceChildren: Chrome < 86 lacks it) ----

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function fill(container, children) {
  while (container.firstChild) container.removeChild(container.firstChild);
  children.forEach(c => container.appendChild(c));
}

function enc(value) {
  return encodeURIComponent(value);
}

function message(text, kind) {
  const m = $('message');
  m.textContent = text || '';
  m.className = 'notice' + (kind ? ' ' + kind : '');
  m.hidden = !text;
}

function fieldError(id, text) {
  const e = $(id + '-error');
  e.textContent = text || '';
  e.hidden = !text;
  const input = $(id);
  if (input) {
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

function notice(id, text) {
  $(id).textContent = text || '';
  $(id).hidden = !text;
}

/** Brings element to the top when it is not already in the upper part of the screen. */
function scrollTo(element) {
  const top = element.getBoundingClientRect().top;
  if (top >= 0 && top < window.innerHeight * 0.5) return;
  try { element.scrollIntoView({ behavior: 'smooth', block: 'start' }); } catch (old) { element.scrollIntoView(true); }
}

// ---- dates, as the office writes them ----

/** A yyyy-MM-dd string as a Date at noon UTC, formatted in UTC so no device zone can shift it. */
function noon(date) {
  return new Date(date + 'T12:00:00Z');
}

function showDate(date) {
  return formatDate(noon(date), 'UTC');
}

function weekday(date) {
  return formatWeekday(noon(date), 'UTC', currentLang());
}

function longDate(date) {
  const day = weekday(date);
  return day.charAt(0).toUpperCase() + day.slice(1) + ', ' + showDate(date);
}

function zone() {
  return (state.office && state.office.timezone) || 'Asia/Ho_Chi_Minh';
}

function serviceName(code, office) {
  const o = office || state.office;
  const s = o && o.services ? o.services.filter(x => x.code === code)[0] : null;
  return s ? s.name : code;
}

// ---- the steps ----

function showStep(step) {
  STEPS.forEach(id => { $(id).hidden = id !== step; });
  $('done').hidden = step !== 'done';
  renderSummary(step);
  // a message (a slot just taken, an error) is read first; otherwise the new step
  scrollTo($('message').hidden ? $(step) : $('message'));
}

/** What has been chosen so far, each with "Đổi" to go back to its step. */
function renderSummary(step) {
  const index = STEPS.indexOf(step);
  const rows = [];
  const add = (label, value, back) => {
    const li = el('li', 'chosen');
    const words = el('div', 'chosen-words');
    words.appendChild(el('span', 'chosen-label', label));
    words.appendChild(el('strong', 'chosen-value', value));
    li.appendChild(words);
    const change = el('button', 'btn ghost change', t('book.change'));
    change.type = 'button';
    change.addEventListener('click', () => goBack(back));
    li.appendChild(change);
    rows.push(li);
  };
  if (index > 0 && state.office) add(t('book.office'), state.office.name, 'step-office');
  if (index > 1 && state.service) add(t('book.service'), serviceName(state.service), 'step-service');
  if (index > 2 && state.date) add(t('book.day'), longDate(state.date), 'step-day');
  if (index > 3 && state.slot) add(t('book.time'), state.slot.start + ' – ' + state.slot.end, 'step-slot');
  fill($('summary'), rows);
  $('summary').hidden = rows.length === 0 || step === 'done';
}

async function goBack(step) {
  message('');
  stopHoldTimer();
  // the place held for the form goes back at once, before the citizen chooses again
  state.hold = null;
  await releaseHold();
  if (step === 'step-office') chooseOfficeStep();
  else if (step === 'step-service') chooseServiceStep();
  else if (step === 'step-day') chooseDayStep();
  else chooseSlotStep();
}

async function chooseOfficeStep() {
  if (!state.offices.length) state.offices = await api('/api/v1/offices');
  fill($('offices'), state.offices.map(o => {
    const b = el('button', 'choice');
    b.type = 'button';
    b.appendChild(el('span', 'choice-name', o.name));
    b.addEventListener('click', () => selectOffice(o.id));
    return b;
  }));
  showStep('step-office');
}

async function selectOffice(id) {
  try {
    state.office = await api('/api/v1/offices/' + enc(id));
  } catch (error) {
    message(error.status === 404 ? t('common.unknownOffice') : error.message, 'error');
    return chooseOfficeStep();
  }
  $('office-name').textContent = state.office.name;
  state.service = null;
  return chooseServiceStep();
}

function chooseServiceStep() {
  fill($('services'), state.office.services.map(s => {
    const b = el('button', 'choice');
    b.type = 'button';
    b.appendChild(el('span', 'choice-prefix', s.prefix || ''));
    const words = el('span', 'choice-words');
    words.appendChild(el('span', 'choice-name', s.name));
    if (s.description) words.appendChild(el('span', 'choice-desc', s.description));
    b.appendChild(words);
    b.addEventListener('click', () => selectService(s.code));
    return b;
  }));
  showStep('step-service');
}

function selectService(code) {
  state.service = code;
  state.date = null;
  return chooseDayStep();
}

/** The booking window's days for this field, closed days included (shown as closed). */
async function loadDays(service) {
  const answer = await api('/api/v1/offices/' + enc(state.office.id) + '/booking-days?service=' + enc(service));
  return Array.isArray(answer) ? answer : (answer && answer.days) || [];
}

/** Why a closed day is closed, as its card says it. */
function dayState(day) {
  if (day.open) return t('book.dayOpen');
  if (day.reason === 'holiday') return day.holiday || t('book.dayHoliday');
  if (day.reason === 'cutoff' && day.closedAt) {
    const closedAt = new Date(day.closedAt);
    return t('book.dayCutoff', { time: formatTime(closedAt, zone()), date: formatDate(closedAt, zone()) });
  }
  return t('book.dayClosed');
}

function dayButton(day, onPick, chosen) {
  const b = el('button', 'day' + (day.open ? '' : ' closed') + (day.reason === 'cutoff' ? ' cutoff' : '')
    + (chosen === day.date ? ' selected' : ''));
  b.type = 'button';
  b.dataset.date = day.date;
  b.appendChild(el('span', 'day-name', weekday(day.date)));
  b.appendChild(el('span', 'day-date', showDate(day.date).slice(0, 5)));
  b.appendChild(el('span', 'day-state', dayState(day)));
  if (day.holiday) b.title = day.holiday;
  b.disabled = !day.open;
  if (!b.disabled) b.addEventListener('click', () => onPick(day.date));
  return b;
}

async function chooseDayStep() {
  showStep('step-day');
  fill($('days'), [el('p', 'muted', t('book.loading'))]);
  try {
    state.days = await loadDays(state.service);
  } catch (error) {
    fill($('days'), []);
    message(error.message, 'error');
    return;
  }
  fill($('days'), state.days.map(day => dayButton(day, selectDay, state.date)));
  $('no-days').hidden = state.days.some(d => d.open);
}

function selectDay(date) {
  state.date = date;
  return chooseSlotStep();
}

async function loadSlots(service, date) {
  return api('/api/v1/offices/' + enc(state.office.id) + '/slots?service=' + enc(service) + '&date=' + enc(date));
}

function slotButton(slot, onPick) {
  const full = !(slot.available > 0) || slot.bookable === false;
  const b = el('button', 'slot' + (full ? ' full' : ''));
  b.type = 'button';
  b.dataset.start = slot.start;
  b.appendChild(el('span', 'slot-time', slot.start + ' – ' + slot.end));
  b.appendChild(el('span', 'slot-left', full ? t('book.slotFull') : t('book.slotLeft', { n: slot.available })));
  b.disabled = full;
  if (!full) b.addEventListener('click', () => onPick(slot));
  return b;
}

async function chooseSlotStep() {
  showStep('step-slot');
  $('slot-day').textContent = longDate(state.date);
  fill($('slots'), [el('p', 'muted', t('book.loading'))]);
  $('no-slots').hidden = true;
  let slots;
  try {
    slots = await loadSlots(state.service, state.date);
  } catch (error) {
    fill($('slots'), []);
    message(error.message, 'error');
    return;
  }
  fill($('slots'), slots.map(slot => slotButton(slot, selectSlot)));
  $('no-slots').hidden = slots.some(s => s.available > 0 && s.bookable !== false);
}

async function selectSlot(slot) {
  if (state.busy) return;
  state.busy = true;
  message('');
  state.slot = slot;
  state.hold = null;
  try {
    state.hold = await takeHold(state.office.id, state.service, state.date, slot.start);
  } catch (error) {
    if (error.code === 'slot_full') {
      state.busy = false;
      message(t('book.slotTaken'), 'warn');
      return chooseSlotStep();
    }
    // holds are optional: without them (404) or when they fail, the booking itself still decides
    if (error.status !== 404 && error.status !== 405) message(error.message, 'warn');
  } finally {
    state.busy = false;
  }
  formStep();
}

// ---- the hold countdown ----

function stopHoldTimer() {
  if (state.holdTimer) clearInterval(state.holdTimer);
  state.holdTimer = null;
}

function startHoldTimer() {
  stopHoldTimer();
  const hold = state.hold;
  if (!hold || !hold.expiresAt) {
    $('hold').hidden = true;
    return;
  }
  const expires = new Date(hold.expiresAt);
  // a phone's clock is often minutes off: when expiresAt looks wrong by it, count the office's
  // hold length (booking.holdMinutes) from the moment the server answered
  const b = state.office && state.office.booking;
  const holdSeconds = b && typeof b.holdMinutes === 'number' ? b.holdMinutes * 60 : 0;
  let seconds = Math.round((expires.getTime() - Date.now()) / 1000);
  if (holdSeconds && !(seconds > 0 && seconds <= holdSeconds + 30)) seconds = holdSeconds;
  const plausible = seconds > 0 && seconds <= 3600;
  const deadline = Date.now() + seconds * 1000;
  const until = formatTime(expires, zone());
  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const holdEl = $('hold');
    holdEl.hidden = false;
    if (plausible && left === 0) {
      holdEl.className = 'hold expired';
      holdEl.textContent = t('book.holdExpired');
      stopHoldTimer();
      return;
    }
    holdEl.className = 'hold';
    holdEl.textContent = plausible
      ? t('book.holdFor', { time: Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') })
      : t('book.holdUntil', { time: until });
  };
  tick();
  if (plausible) state.holdTimer = setInterval(tick, 1000);
}

// ---- the form ----

function formStep() {
  showStep('step-form');
  ['full-name', 'phone', 'citizen-id'].forEach(id => fieldError(id, ''));
  notice('form-error', '');
  state.submitKey = newKey();
  startHoldTimer();
  resetVerify(() => ({ office: state.office, hold: state.hold && state.hold.hold,
    verified: expiresAt => { if (state.hold) { state.hold.expiresAt = expiresAt; startHoldTimer(); } },
    slotFull: text => bookingFailed({ code: 'slot_full', message: text }) }));
}

function cleanPhone(value) {
  return value.replace(/[\s.\-()]/g, '');
}

function cleanCccd(value) {
  return value.replace(/[\s.\-]/g, '');
}

/** Hints only: the server checks again and its answer is what the citizen finally sees. */
function checkForm() {
  const name = $('full-name').value.trim();
  const phone = cleanPhone($('phone').value);
  const cccd = cleanCccd($('citizen-id').value);
  const errors = {
    'full-name': !name ? t('book.errName') : name.length < 2 ? t('book.errNameShort') : '',
    phone: !phone ? t('book.errPhoneEmpty') : PHONE.test(phone) ? '' : t('book.errPhone'),
    'citizen-id': !cccd ? t('book.errCccdEmpty') : CCCD.test(cccd) ? '' : t('book.errCccd'),
  };
  Object.keys(errors).forEach(id => fieldError(id, errors[id]));
  const first = Object.keys(errors).filter(id => errors[id])[0];
  if (first) $(first).focus();
  return first ? null : { fullName: name, phone, citizenId: cccd };
}

const SERVER_FIELDS = { fullName: 'full-name', phone: 'phone', citizenId: 'citizen-id' };

async function submit(event) {
  event.preventDefault();
  if (state.busy) return;
  notice('form-error', '');
  const person = checkForm();
  if (!person || !verifyReady()) return;
  state.busy = true;
  $('submit').disabled = true;
  const body = { service: state.service, date: state.date, start: state.slot.start,
    fullName: person.fullName, phone: person.phone, citizenId: person.citizenId };
  if (state.hold && state.hold.hold) body.hold = state.hold.hold;
  if (holdSession()) body.session = holdSession();
  try {
    const booked = await api('/api/v1/offices/' + enc(state.office.id) + '/appointments', {
      method: 'POST', body, idempotencyKey: state.submitKey,
    });
    stopHoldTimer();
    holdUsed();
    confirmation(booked);
  } catch (error) {
    bookingFailed(error);
  } finally {
    state.busy = false;
    $('submit').disabled = false;
  }
}

function bookingFailed(error) {
  if (error.code === 'slot_full') {
    stopHoldTimer();
    message(error.message || t('book.slotTaken'), 'warn');
    chooseSlotStep();
    return;
  }
  if (error.status === 0) {
    // the same key on the retry: a booking that did reach the server is not made twice
    notice('form-error', error.message);
    return;
  }
  state.submitKey = newKey();
  const field = SERVER_FIELDS[error.details && error.details.field];
  if (error.status === 400 && field) {
    fieldError(field, error.message);
    $(field).focus();
    return;
  }
  notice('form-error', error.message);
}

// ---- the confirmation ----

/** HH:mm moved by minutes, kept within the day. */
function shiftTime(time, minutes) {
  const parts = time.split(':');
  const total = Math.min(23 * 60 + 59, Math.max(0, Number(parts[0]) * 60 + Number(parts[1]) + minutes));
  return String(Math.floor(total / 60)).padStart(2, '0') + ':' + String(total % 60).padStart(2, '0');
}

/** When to come, from the office's check-in window (booking.checkInEarlyMinutes/LateMinutes). */
function arrivalText(appointment, office) {
  const b = office && office.booking;
  if (!b || typeof b.checkInEarlyMinutes !== 'number' || typeof b.checkInLateMinutes !== 'number') {
    return t('book.arriveDefault', { start: appointment.start });
  }
  const span = t('book.arrive', { from: shiftTime(appointment.start, -b.checkInEarlyMinutes),
    until: shiftTime(appointment.start, b.checkInLateMinutes) });
  return span + ' ' + t(b.lateArrival === 'refuse' ? 'book.lateRefused' : 'book.lateWalkIn');
}

function confirmation(booked) {
  const code = booked.code;
  $('done-code').textContent = code;
  $('done-qr').src = booked.qr || '/api/v1/appointments/' + enc(code) + '/qr.svg';
  $('done-qr').alt = t('book.qrAlt') + ' ' + code;
  $('done-when').textContent = booked.start + (booked.end ? ' – ' + booked.end : '') + ', ' + longDate(booked.date);
  $('done-service').textContent = serviceName(booked.service);
  $('done-office').textContent = state.office.name;
  $('done-arrive').textContent = arrivalText(booked, state.office);
  $('done-ics').href = booked.ics || '/api/v1/appointments/' + enc(code) + '.ics';
  message('');
  showStep('done');
}

// ---- look-up, cancel, reschedule ----

function showTab(which) {
  $('book').hidden = which !== 'book';
  $('lookup').hidden = which !== 'lookup';
  $('tab-book').setAttribute('aria-selected', String(which === 'book'));
  $('tab-lookup').setAttribute('aria-selected', String(which === 'lookup'));
  message('');
}

async function lookup(event) {
  if (event) event.preventDefault();
  const code = $('lookup-code').value.trim().toUpperCase().replace(/\s/g, '');
  fieldError('lookup-code', '');
  notice('appt-error', '');
  if (!CODE.test(code)) {
    fieldError('lookup-code', t('book.errCode'));
    return;
  }
  try {
    const found = await api('/api/v1/appointments/' + enc(code));
    await showAppointment(found);
  } catch (error) {
    $('appointment').hidden = true;
    $('move').hidden = true;
    fieldError('lookup-code', error.status === 404 ? t('book.notFound') : error.message);
  }
}

const STATUS_TEXT = { BOOKED: 'book.statusBooked', CANCELLED: 'book.statusCancelled',
  CHECKED_IN: 'book.statusCheckedIn', NO_SHOW: 'book.statusNoShow' };

async function showAppointment(appt) {
  state.appointment = appt;
  let office = state.office;
  if (!office || office.id !== appt.office) {
    office = await api('/api/v1/offices/' + enc(appt.office)).catch(() => null);
  }
  state.apptOffice = office;
  $('appt-code').textContent = appt.code;
  $('appt-status').textContent = t(STATUS_TEXT[appt.status] || 'book.statusBooked');
  $('appt-status').className = 'status s-' + String(appt.status).toLowerCase();
  $('appt-when').textContent = appt.start + (appt.end ? ' – ' + appt.end : '') + ', ' + longDate(appt.date);
  $('appt-service').textContent = serviceName(appt.service, office);
  $('appt-office').textContent = office ? office.name : appt.office;
  $('appt-name-row').hidden = !appt.fullName;
  $('appt-name').textContent = appt.fullName || '';
  $('appt-actions').hidden = appt.status !== 'BOOKED';
  $('confirm-cancel').hidden = true;
  $('appointment').hidden = false;
  $('move').hidden = true;
}

function proofPhone() {
  const phone = cleanPhone($('proof-phone').value);
  fieldError('proof-phone', !phone ? t('book.errPhoneEmpty') : PHONE.test(phone) ? '' : t('book.errPhone'));
  if (!PHONE.test(phone)) {
    $('proof-phone').focus();
    return null;
  }
  return phone;
}

async function cancel() {
  const phone = proofPhone();
  if (!phone) return;
  notice('appt-error', '');
  try {
    const code = state.appointment.code;
    const answer = await api('/api/v1/appointments/' + enc(code), { method: 'DELETE', body: { phone } });
    await showAppointment(answer && answer.code ? answer : Object.assign({}, state.appointment, { status: 'CANCELLED' }));
    message(t('book.cancelled'), 'ok');
    scrollTo($('message'));
  } catch (error) {
    $('confirm-cancel').hidden = true;
    notice('appt-error', error.message);
  }
}

/** One cancel however often "Huỷ lịch" is tapped: the buttons wait for the answer. */
async function cancelOnce() {
  if (state.cancelling) return;
  state.cancelling = true;
  $('cancel-yes').disabled = true;
  $('cancel-no').disabled = true;
  try {
    await cancel();
  } finally {
    state.cancelling = false;
    $('cancel-yes').disabled = false;
    $('cancel-no').disabled = false;
  }
}

async function startMove() {
  if (!proofPhone()) return;
  notice('appt-error', '');
  const appt = state.appointment;
  if (!state.office || state.office.id !== appt.office) state.office = state.apptOffice;
  if (!state.office) return;
  $('move').hidden = false;
  fill($('move-slots'), []);
  $('move-empty').hidden = true;
  let days;
  try {
    days = await loadDays(appt.service);
  } catch (error) {
    notice('appt-error', error.message);
    return;
  }
  fill($('move-days'), days.map(day => dayButton(day, moveDay, null)));
  scrollTo($('move'));
}

async function moveDay(date) {
  state.moveDate = date;
  Array.prototype.forEach.call($('move-days').children, b => b.classList.toggle('selected', b.dataset.date === date));
  let slots;
  try {
    slots = await loadSlots(state.appointment.service, date);
  } catch (error) {
    notice('appt-error', error.message);
    return;
  }
  fill($('move-slots'), slots.map(slot => slotButton(slot, moveTo)));
  $('move-empty').hidden = slots.some(s => s.available > 0 && s.bookable !== false);
}

async function moveTo(slot) {
  const phone = proofPhone();
  if (!phone || state.busy) return;
  state.busy = true;
  try {
    const moved = await api('/api/v1/appointments/' + enc(state.appointment.code) + '/reschedule', {
      method: 'POST', body: { phone, date: state.moveDate, start: slot.start }, idempotencyKey: newKey(),
    });
    await showAppointment(moved);
    message(t('book.moved', { when: moved.start + ', ' + showDate(moved.date) }), 'ok');
    scrollTo($('message'));
  } catch (error) {
    notice('appt-error', error.message);
    if (error.code === 'slot_full') moveDay(state.moveDate);
  } finally {
    state.busy = false;
  }
}

// ---- start ----

function wire() {
  $('tab-book').addEventListener('click', () => showTab('book'));
  $('tab-lookup').addEventListener('click', () => showTab('lookup'));
  $('step-form').addEventListener('submit', submit);
  $('book-again').addEventListener('click', () => {
    $('step-form').reset();
    state.slot = null;
    state.hold = null;
    chooseSlotStep();
  });
  $('lookup-form').addEventListener('submit', lookup);
  $('cancel').addEventListener('click', () => {
    if (proofPhone()) $('confirm-cancel').hidden = false;
  });
  $('cancel-no').addEventListener('click', () => { $('confirm-cancel').hidden = true; });
  $('cancel-yes').addEventListener('click', cancelOnce);
  $('reschedule').addEventListener('click', startMove);
  $('move-back').addEventListener('click', () => { $('move').hidden = true; });
  // leaving (or reloading) the page gives the held place back; back from the cache, hold it again
  window.addEventListener('pagehide', () => releaseHold(true));
  window.addEventListener('pageshow', event => {
    if (event.persisted && !$('step-form').hidden && state.slot) selectSlot(state.slot);
  });
  // re-typed input clears its own message
  ['full-name', 'phone', 'citizen-id', 'lookup-code', 'proof-phone'].forEach(id => {
    $(id).addEventListener('input', () => fieldError(id, ''));
  });
}

async function main() {
  await loadLang();
  applyText();
  langSwitch(document.querySelector('.lang-switch'));
  document.title = t('book.title');
  wire();
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  $('loading').hidden = true;
  if (code) {
    showTab('lookup');
    $('lookup-code').value = code;
    return lookup();
  }
  showTab('book');
  try {
    const office = params.get('office');
    if (!office) {
      state.offices = await api('/api/v1/offices');
      if (state.offices.length !== 1) return chooseOfficeStep();
      return selectOffice(state.offices[0].id);
    }
    await selectOffice(office);
    const service = params.get('service');
    if (state.office && service && state.office.services.some(s => s.code === service)) {
      await selectService(service);
    }
  } catch (error) {
    message(error.message, 'error');
  }
}

main();
