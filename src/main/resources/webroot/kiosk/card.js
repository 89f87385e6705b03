// The CCCD card at the kiosk (the office's citizenCard.atKiosk: optional or required): the citizen
// scans the QR code on the front of the card with the kiosk's scanner, which types like a keyboard
// (the code's text, then Enter). Fast keys ending with Enter are a scan; a person typing slowly is
// not. The page shows the masked name and the last four digits, the citizen picks a field, and the
// card's text goes once with that issue request; then it is forgotten (never stored). "Đặt lịch hẹn
// ngày khác" hands the name and CCCD to the booking page through sessionStorage (book/prefill.js).
// The server decides whether the card is valid and whether its citizen is within the limits.

/**
 * A scanner types a key every few milliseconds; a person needs a hundred or more. A scan may
 * stutter a few times (a busy machine), a person is slow most of the time.
 */
const SCAN_MS_PER_KEY = 50;
const SCAN_STUTTERS = 3;
const SCAN_STUTTER_SHARE = 0.1;
/** Keys that stop coming without an Enter: what was typed is done. */
const QUIET_MS = 400;
const MAX_TEXT = 512;
/** A refusal stays on the resting screen this long: the next citizen should not read it. */
const PROBLEM_MS = 20000;
export const PREFILL_KEY = 'layso.book.prefill';

/** The fields the kiosk shows from a card's QR text, or null when it is not one (the server checks it properly). */
export function readCard(text) {
  const fields = String(text || '').normalize('NFC').trim().split('|');
  if (fields.length < 4 || !/^\d{12}$/.test(fields[0].trim())) return null;
  const name = fields[2].trim().replace(/\s+/g, ' ');
  if (!name) return null;
  return { citizenId: fields[0].trim(), fullName: name };
}

/** "Nguyễn Văn An" -> "Nguyễn V. A": enough for a citizen to know the card is theirs. */
export function maskName(name) {
  const words = name.split(' ').filter(Boolean);
  if (words.length < 2) return initial(words[0] || '');
  const middle = words.slice(1, -1).map(w => initial(w) + '.');
  return [words[0], ...middle, initial(words[words.length - 1])].join(' ');
}

function initial(word) {
  return Array.from(word)[0] || '';
}

/**
 * Wires the card prompt into the kiosk. {@code kiosk} gives what the page owns: current() the
 * screen on show, show(name), goStart(), openCheckin(code, submit), t(key, args), settled(),
 * officeId, touchIdle(), paired().
 */
export function setupCard(office, kiosk) {
  const mode = office.citizenCard && office.citizenCard.atKiosk;
  // only a paired kiosk may send a card (the server refuses it from anyone else)
  const on = (mode === 'optional' || mode === 'required') && kiosk.paired();
  const $ = id => document.getElementById(id);
  /** The scanned card: its text (sent once), and what the screen shows. */
  let card = null;
  let typed = { text: '', times: [], quiet: null };
  let problemTimer = null;

  if (!on) {
    return { on: false, resting: 'start', body: () => ({}), forget() {}, failed: () => false, start() { return false; } };
  }

  $('card-required').hidden = mode !== 'required';
  $('card-skip').hidden = mode !== 'optional';
  $('card-skip').addEventListener('click', () => { if (kiosk.settled()) { card = null; kiosk.show('start', true); renderBanner(); } });
  $('card-checkin').addEventListener('click', () => { if (kiosk.settled()) kiosk.openCheckin(''); });
  $('card-not-me').addEventListener('click', () => { if (kiosk.settled()) forget(true); });
  $('card-book').addEventListener('click', bookAnotherDay);
  const input = $('card-input');
  input.addEventListener('blur', () => setTimeout(focusInput, 0));
  window.addEventListener('keydown', onKey, true);

  function scanning() {
    const screen = kiosk.current();
    return screen === 'card' || screen === 'start';
  }

  function focusInput() {
    if (kiosk.current() === 'card' && document.activeElement !== input) input.focus({ preventScroll: true });
  }

  /** Every key while the card or field screen is up: kept with its time until Enter or a pause. */
  function onKey(event) {
    if (!scanning() || event.ctrlKey || event.metaKey || event.altKey) return;
    // with nothing typed yet, Enter and Space still press the focused button (keyboard users)
    if (!typed.text && (event.key === 'Enter' || event.key === ' ')) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      finish(true);
      return;
    }
    if (event.key.length !== 1 && !/^[\u0300-\u036f]$/.test(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    kiosk.touchIdle();
    if (typed.text.length < MAX_TEXT) {
      typed.text += event.key;
      typed.times.push(performance.now());
      input.value = typed.text;
    }
    clearTimeout(typed.quiet);
    typed.quiet = setTimeout(() => finish(false), QUIET_MS);
  }

  function fast(times) {
    if (times.length < 8) return false;
    let slow = 0;
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] > SCAN_MS_PER_KEY) slow++;
    return slow <= Math.max(SCAN_STUTTERS, Math.floor((times.length - 1) * SCAN_STUTTER_SHARE));
  }

  /** A card scan; else a booking code (scanned, or typed and then Enter) goes to check-in as before. */
  function finish(entered) {
    clearTimeout(typed.quiet);
    const { text, times } = typed;
    typed = { text: '', times: [], quiet: null };
    input.value = '';
    if (!text.trim()) return;
    const scanned = fast(times);
    if (text.includes('|')) {
      if (scanned) scannedCard(text);
      return;
    }
    const code = text.trim().toUpperCase();
    if (/^[A-Z0-9\-/?#=&:.]+$/.test(code)) kiosk.openCheckin(code, entered);
  }

  function scannedCard(text) {
    const read = readCard(text);
    if (!read) {
      cardProblem(kiosk.t('kiosk.card.unreadable'));
      return;
    }
    card = { text: text.trim(), ...read };
    renderBanner();
    kiosk.show('start', true);
  }

  function cardProblem(text) {
    card = null;
    renderBanner();
    $('card-problem').textContent = text;
    $('card-problem').hidden = false;
    clearTimeout(problemTimer);
    problemTimer = setTimeout(() => { $('card-problem').hidden = true; }, PROBLEM_MS);
    kiosk.show('card', true);
    focusInput();
  }

  function renderBanner() {
    const banner = $('card-banner');
    banner.hidden = !card;
    $('card-who').textContent = card ? `${maskName(card.fullName)} – ****${card.citizenId.slice(-4)}` : '';
  }

  function forget(toPrompt) {
    card = null;
    typed = { text: '', times: [], quiet: null };
    input.value = '';
    renderBanner();
    if (toPrompt) start();
  }

  /** The card screen is the kiosk's resting screen. */
  function start() {
    $('card-problem').hidden = true;
    kiosk.show('card');
    focusInput();
    return true;
  }

  function bookAnotherDay() {
    if (!card || !kiosk.settled()) return;
    try {
      sessionStorage.setItem(PREFILL_KEY, JSON.stringify({ office: kiosk.officeId, fullName: card.fullName,
        citizenId: card.citizenId, back: location.pathname + location.search }));
    } catch (ignored) { /* storage off: the booking page opens empty */ }
    forget(false);
    location.assign(`/book?office=${encodeURIComponent(kiosk.officeId)}`);
  }

  return {
    on: true,
    resting: 'card',
    /** What the issue request adds: the card's text, once; taking it forgets it. */
    body() {
      if (!card) return {};
      const text = card.text;
      card = null;
      renderBanner();
      return { citizenCard: text };
    },
    forget,
    start,
    /** An answer about the card: shown on the card screen. */
    failed(error) {
      const texts = { card_needs_kiosk: 'kiosk.card.needsPairing', limit_reached: error.details.limit === 'field' ? 'kiosk.card.limitField' : 'kiosk.card.limitDay',
        invalid_citizen_card: 'kiosk.card.unreadable', citizen_card_required: 'kiosk.card.required' };
      if (!texts[error.code]) return false;
      cardProblem(kiosk.t(texts[error.code]));
      return true;
    },
  };
}
