// The rating block of the citizen's ticket page: after DONE and inside the office's rating window,
// the levels as big buttons (the lowest asks for a reason), then "Cảm ơn bạn đã đánh giá"; a ticket
// rated already (here, on the counter's tablet or in Zalo) says so; a window that passed shows nothing.
import { t } from '../assets/i18n.js';
import { api } from '../assets/api.js';
import { formatDate, formatTime } from '../assets/format.js';
import { label, levelButtons, reasonButtons } from '../rate/levels.js';

const $ = id => document.getElementById(id);
const block = { id: null, state: null, level: null, reason: null, zone: null, loaded: false, sending: false };

/** Called with every fresh read of the ticket; reads the rating state once the ticket is DONE. */
export async function updateRating(id, ticket, zone) {
  if (ticket.status !== 'DONE' || block.loaded) return;
  block.loaded = true;
  block.id = id;
  block.zone = zone;
  try {
    block.state = await api(`/api/v1/tickets/${encodeURIComponent(id)}/rating`);
  } catch (unavailable) {
    block.loaded = false;
    return;
  }
  render();
}

function levelName(level) {
  const found = block.state.levels.find(l => l.level === level);
  return found ? label(found) : String(level);
}

function render() {
  const s = block.state;
  const section = $('rating');
  $('rating-reason').hidden = true;
  if (s.rating) {
    section.hidden = false;
    $('rating-ask').hidden = true;
    $('rating-done').hidden = false;
    $('rating-done-title').textContent = t('rating.ticketThanks');
    $('rating-done-level').textContent = t('rating.ticketRated', { level: levelName(s.rating.level) });
    return;
  }
  if (!s.open) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  $('rating-done').hidden = true;
  $('rating-ask').hidden = false;
  levelButtons($('rating-levels'), s.levels, pick);
  if (s.closesAt) {
    const until = new Date(s.closesAt);
    $('rating-until').textContent = t('rating.ticketUntil',
      { time: formatTime(until, block.zone), date: formatDate(until, block.zone) });
  }
}

function pick(level) {
  block.level = level;
  $('rating-levels').querySelectorAll('.level-btn').forEach(b =>
    b.setAttribute('aria-pressed', String(Number(b.dataset.level) === level)));
  if (level !== 1) {
    send();
    return;
  }
  block.reason = null;
  $('rating-send').disabled = true;
  reasonButtons($('rating-reasons'), block.state.reasons, code => {
    block.reason = code;
    $('rating-send').disabled = false;
  });
  $('rating-reason').hidden = false;
  $('rating-reason-title').focus();
}

async function send() {
  if (block.sending) return;
  block.sending = true;
  const body = { level: block.level };
  if (block.level === 1) {
    body.reasonCode = block.reason || 'khac';
    const note = $('rating-note').value.trim();
    if (note) body.reason = note;
  }
  $('rating-error').hidden = true;
  try {
    const rating = await api(`/api/v1/tickets/${encodeURIComponent(block.id)}/rating`, { method: 'POST', body });
    block.state.rating = rating;
    render();
  } catch (error) {
    if (error.code === 'already_rated' || error.code === 'not_rateable') {
      block.loaded = false;
      await updateRating(block.id, { status: 'DONE' }, block.zone);
    } else {
      $('rating-error').textContent = error.message;
      $('rating-error').hidden = false;
    }
  } finally {
    block.sending = false;
  }
}

export function initRating() {
  $('rating-send').addEventListener('click', send);
  $('rating-note').addEventListener('input', () => {
    if ($('rating-note').value.trim()) $('rating-send').disabled = false;
    else $('rating-send').disabled = !block.reason;
  });
}
