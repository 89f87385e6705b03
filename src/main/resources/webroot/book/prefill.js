// A booking started at the kiosk after a CCCD card scan ("Đặt lịch hẹn ngày khác"): the kiosk leaves
// the card's full name and CCCD in sessionStorage (never in the address), and this fills the form's
// name and CCCD fields once and removes them, so the next person at the same screen sees an empty
// form. The kiosk's page to go back to is offered as a link. Imported by book.js with one line.
// Old WebViews too: no optional chaining.
import { t } from '../assets/i18n.js';

export var PREFILL_KEY = 'layso.book.prefill';

function take() {
  try {
    var raw = sessionStorage.getItem(PREFILL_KEY);
    sessionStorage.removeItem(PREFILL_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch (ignored) {
    return null;
  }
}

function fill(id, value) {
  var input = document.getElementById(id);
  if (!input || typeof value !== 'string' || !value) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Fills the form from a prefill left by the kiosk, if one is there; returns what it found (or null). */
export function applyPrefill() {
  var prefill = take();
  if (!prefill) return null;
  fill('full-name', prefill.fullName);
  fill('citizen-id', prefill.citizenId);
  if (typeof prefill.back === 'string' && /^\/kiosk\?/.test(prefill.back)) backLink(prefill.back);
  return prefill;
}

/** "Quay lại máy lấy số": the kiosk's page, for a citizen who changes their mind. */
function backLink(href) {
  var link = document.createElement('a');
  link.className = 'btn ghost prefill-back';
  link.id = 'prefill-back';
  link.href = href;
  link.setAttribute('data-i18n', 'book.backToKiosk');
  link.textContent = t('book.backToKiosk');
  var main = document.querySelector('main') || document.body;
  main.insertBefore(link, main.firstChild);
}

applyPrefill();
