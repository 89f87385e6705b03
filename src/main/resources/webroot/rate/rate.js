// The counter's rating tablet: /rate, a paired rating device of one counter (its token in
// localStorage, never a person's password). A fresh tablet shows a pairing code (assets/pairing.js)
// that a manager claims in the console as kind "rating" with its counter; the tablet then knows its
// office and counter from the pairing (/rate?office=&counter= only fills in for an older token).
// It waits on a calm screen, follows the office's live stream, and when its counter completes a
// ticket (ticket.done names the counter) reads the prompt: the officer, the levels and, while
// rateable, the ticket just served. The tablet never learns a ticket id; the server rates "the
// ticket this counter completed last". It resets itself after the thank-you, and after a minute
// without a tap.
import { loadLang, applyText, langSwitch, t } from '../assets/i18n.js';
import { api } from '../assets/api.js';
import { LiveStream, LiveStatus } from '../assets/live.js';
import { pairDevice, storedDevice, followFreshTokens, watchDevice } from '../assets/pairing.js';
import { levelButtons, reasonButtons } from './levels.js';

export const STORAGE_KEY = 'layso.rate.device';
const THANKS_MS = 6000;
const IDLE_AFTER_MS = 60000;
const POLL_MS = 60000;

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = { office: params.get('office'), counter: params.get('counter'), token: null, prompt: null,
  offered: null, dismissed: null, level: null, reason: null, idleTimer: null, thanksTimer: null, poll: null,
  live: null, sending: false, watch: null };

function show(screen) {
  ['loading', 'unpaired', 'idle', 'ask', 'reason', 'thanks'].forEach(s => { $('s-' + s).hidden = s !== screen; });
  $('screen').dataset.screen = screen;
  if (screen !== 'ask' && screen !== 'reason') clearTimeout(state.idleTimer);
}

/** The device token: the {token, office, counter} the pairing helper keeps, or an older bare token. */
function storedToken() {
  const device = storedDevice(STORAGE_KEY);
  if (device && typeof device.token === 'string') return device;
  let raw = null;
  try { raw = localStorage.getItem(STORAGE_KEY); } catch (ignored) { return null; }
  if (!raw) return null;
  return { token: typeof device === 'string' ? device : raw };
}

function forgetDevice() {
  try { localStorage.removeItem(STORAGE_KEY); } catch (ignored) { /* nothing kept */ }
}

let pairing = null;

/**
 * Not paired (or no longer): the one-time code for the console; a message that says what else is
 * wrong (no counter in the address) offers no code unless {@code pair}.
 */
function unpaired(textKey, pair = !textKey) {
  stopLive();
  if (state.watch) state.watch.stop();
  $('unpaired-text').textContent = t(textKey || 'rating.notPairedText');
  // with a code: the pairing helper's "Thiết bị chưa ghép nối" and its text stand above it instead
  const own = !pair || Boolean(textKey);
  $('unpaired-title').hidden = !own;
  $('unpaired-text').hidden = !own;
  show('unpaired');
  if (!pair) return;
  forgetDevice();
  if (pairing) pairing.stop();
  pairing = pairDevice({ storageKey: STORAGE_KEY, container: $('pairing'), onPaired: paired, unpaired: !textKey });
}

// a rotated token (X-Layso-Token, at most once a day) replaces the one in memory and in storage
followFreshTokens(STORAGE_KEY, (old, fresh) => { if (state.token === old) state.token = fresh; });

/** Claimed as a rating tablet: its own office and counter from now on (the address says so too). */
function paired(device) {
  pairing = null;
  if (device.kind && device.kind !== 'rating') {
    unpaired('rating.notARatingTablet', true);
    return;
  }
  const url = new URL(location.href);
  url.searchParams.set('office', device.office);
  url.searchParams.set('counter', device.counter);
  location.replace(url.toString());
}

// ---- the prompt ----

async function readPrompt() {
  let prompt;
  try {
    prompt = await api(`/api/v1/offices/${encodeURIComponent(state.office)}/counters/${encodeURIComponent(state.counter)}/rating-prompt`,
      { token: state.token });
  } catch (error) {
    if (error.status === 401) return unpaired();
    if (error.status === 403) return unpaired('rating.wrongCounter');
    if (error.status === 404) return unpaired('rating.missingCounter');
    return; // offline or busy: the next event or poll asks again
  }
  state.prompt = prompt;
  $('counter-name').textContent = prompt.counter.name;
  $('officer').hidden = !prompt.officer;
  $('officer-name').textContent = prompt.officer || '';
  const screen = $('screen').dataset.screen;
  if (screen === 'thanks' || screen === 'reason') return;
  const ticket = prompt.ticket;
  if (ticket && ticket.number !== state.dismissed) {
    if (screen !== 'ask' || state.offered !== ticket.number) ask(ticket);
  } else if (screen !== 'idle') {
    show('idle');
  }
}

function ask(ticket) {
  state.offered = ticket.number;
  state.level = null;
  state.reason = null;
  $('ticket-line').textContent = t('rating.ticketLine', { number: ticket.number, field: ticket.field });
  levelButtons($('levels'), state.prompt.levels, pick);
  show('ask');
  armIdle();
}

function pick(level) {
  state.level = level;
  if (level === 1) {
    state.reason = null;
    $('note').value = '';
    $('send').disabled = true;
    reasonButtons($('reasons'), state.prompt.reasons, code => {
      state.reason = code;
      $('send').disabled = false;
      armIdle();
    });
    show('reason');
    armIdle();
    return;
  }
  send();
}

async function send() {
  if (state.sending) return;
  state.sending = true;
  $('send').disabled = true;
  const body = { level: state.level };
  if (state.level === 1) {
    body.reasonCode = state.reason;
    const note = $('note').value.trim();
    if (note) body.reason = note;
  }
  try {
    await api(`/api/v1/offices/${encodeURIComponent(state.office)}/counters/${encodeURIComponent(state.counter)}/rating`,
      { method: 'POST', body, token: state.token });
    thanks('rating.thanks');
  } catch (error) {
    if (error.code === 'already_rated') thanks('rating.alreadyRated');
    else if (error.code === 'not_rateable') idle();
    else if (error.status === 401 || error.status === 403) unpaired();
    else {
      $('error').textContent = t('rating.sendError');
      $('error').hidden = false;
      setTimeout(() => { $('error').hidden = true; }, 5000);
      $('send').disabled = state.level === 1 && !state.reason;
    }
  } finally {
    state.sending = false;
  }
}

function thanks(key) {
  state.dismissed = state.offered;
  $('thanks-title').textContent = t(key);
  show('thanks');
  clearTimeout(state.thanksTimer);
  state.thanksTimer = setTimeout(idle, THANKS_MS);
}

/** Back to the calm screen; the ticket that was offered is not offered again. */
function idle() {
  if (state.offered) state.dismissed = state.offered;
  show('idle');
}

/** A minute without a tap on the rating screens: back to idle. */
function armIdle() {
  clearTimeout(state.idleTimer);
  state.idleTimer = setTimeout(idle, IDLE_AFTER_MS);
}

// ---- the live stream ----

function startLive() {
  state.live = new LiveStream({
    office: state.office,
    onSnapshot: () => readPrompt(),
    onEvent: event => {
      // a completion comes alone, or inside the call-next that ended it (closedAs)
      if ((event.type === 'ticket.done' || event.closedAs === 'ticket.done') && event.counter === state.counter) {
        state.dismissed = null;
        readPrompt();
      }
    },
    onStatus: status => { $('live-badge').hidden = status !== LiveStatus.OFFLINE; },
  }).start();
  clearInterval(state.poll);
  state.poll = setInterval(readPrompt, POLL_MS);
}

function stopLive() {
  if (state.live) state.live.stop();
  state.live = null;
  clearInterval(state.poll);
}

// ---- start ----

async function main() {
  await loadLang();
  applyText();
  langSwitch(document.querySelector('.lang-switch'));
  document.title = t('rating.title');
  $('back').addEventListener('click', () => {
    if (state.prompt && state.prompt.ticket) ask(state.prompt.ticket);
    else idle();
  });
  $('send').addEventListener('click', send);
  $('note').addEventListener('input', () => {
    armIdle();
    if (state.level === 1 && $('note').value.trim() && !state.reason) {
      state.reason = 'khac';
      $('send').disabled = false;
    }
  });
  document.addEventListener('pointerdown', () => {
    const screen = $('screen').dataset.screen;
    if (screen === 'ask' || screen === 'reason') armIdle();
  }, true);
  const device = storedToken();
  if (!device) {
    unpaired();
    return;
  }
  state.token = device.token;
  // the pairing names the tablet's office and counter; the address only for an older, bare token
  state.office = device.office || state.office;
  state.counter = device.counter || state.counter;
  if (!state.office || !state.counter) {
    unpaired('rating.missingCounter');
    return;
  }
  $('counter-name').textContent = t('common.counter') + ' ' + state.counter;
  show('idle');
  await readPrompt();
  if ($('screen').dataset.screen !== 'unpaired') {
    startLive();
    // a tablet revoked in the console says so within seconds, not at its next prompt
    state.watch = watchDevice({ token: () => state.token, onRevoked: () => unpaired() });
  }
}

main();
