// How a ticket page keeps its place in line from the office's live events instead of asking the
// server after every call (a lobby of 2,000 phones would cost 2,000 requests per call). The rule,
// which FanoutBench's simulated pages follow too (docs/benchmarks.md):
//  1. GET /api/v1/tickets/{id} answers the ticket with its place and "live":{version,epoch}, the
//     office's live version the place was read at.
//  2. Each delta after that version moves the place p (queue.place q, in the ticket's own field):
//     a ticket leaving at q < p (ticket.called) gives p-1; a ticket taking q <= p (ticket.issued,
//     ticket.transferred) gives p+1. Deltas up to the read's version are in the read already.
//  3. The page's own call, recall and start come from the event. It asks the server again, once,
//     after a random delay, only for: its own end or transfer; a delta of its field without a
//     place; day.closed; a pause or resume of a counter of its field (the estimate changes); a gap
//     it cannot fill (a snapshot newer than what it knows, another epoch); and every 4-6 minutes
//     while it waits, to renew the estimate.
// The estimate between two reads follows the place: the median in proportion to the place, the
// spread to the 90th percentile with its square root (a sum of p service times), so it moves
// smoothly and never jumps back.

const LOG_MAX = 500;

/** What an event means for a ticket: the ticket after it, and whether the server must be asked. */
export function applyEvent(ticket, event) {
  const other = event.ticket || {};
  const mine = other.number === ticket.number;
  const closed = event.closed && event.closed.number === ticket.number;
  if (mine || closed) return own(ticket, event, closed ? event.closed : other);
  if (event.type === 'day.closed') return { ticket, ask: 'later' };
  if (ticket.status !== 'WAITING' || typeof ticket.position !== 'number') return { ticket };
  const queue = event.queue;
  if (!queue || queue.service !== ticket.service) return { ticket };
  if (typeof queue.place !== 'number') return { ticket, ask: 'later' };
  const p = ticket.position;
  if (event.type === 'ticket.called' && queue.place < p) return { ticket: moved(ticket, p - 1) };
  if ((event.type === 'ticket.issued' || event.type === 'ticket.transferred') && queue.place <= p) {
    return { ticket: moved(ticket, p + 1) };
  }
  return { ticket };
}

function moved(ticket, position) {
  return Object.assign({}, ticket, { position });
}

function own(ticket, event, seen) {
  const next = Object.assign({}, ticket);
  switch (event.type === 'ticket.called' && seen !== event.ticket ? 'closed' : event.type) {
    case 'ticket.called':
      next.status = 'CALLED';
      next.counter = event.counter;
      next.calledAt = new Date(event.at).toISOString();
      next.recalls = 0;
      delete next.position;
      return { ticket: next, alert: String(event.at) };
    case 'ticket.recalled':
      next.status = 'CALLED';
      next.counter = event.counter || next.counter;
      next.recalls = (seen.recalls || (next.recalls || 0) + 1);
      return { ticket: next, alert: 'recall:' + event.at };
    case 'ticket.serving':
      next.status = 'SERVING';
      next.counter = event.counter || next.counter;
      return { ticket: next };
    case 'ticket.transferred':
      next.status = 'WAITING';
      next.service = seen.service;
      next.transferredFrom = event.from;
      if (event.queue && typeof event.queue.place === 'number') next.position = event.queue.place;
      return { ticket: next, ask: 'soon' };
    default:
      // done, no-show, expired: the end's details (and the rating) come from the server
      if (seen.status) next.status = seen.status;
      return { ticket: next, ask: 'soon' };
  }
}

/**
 * The estimate for the ticket's place now, from the one the server gave at place basis.position:
 * the median in proportion to the place, the spread to the 90th percentile with its square root.
 */
export function estimateAt(basis, position) {
  if (!basis || typeof basis.position !== 'number' || basis.position < 1 || position === basis.position) {
    return basis ? { p50Minutes: basis.p50Minutes, p90Minutes: basis.p90Minutes } : null;
  }
  const ratio = position / basis.position;
  const median = basis.p50Minutes * ratio;
  const spread = Math.max(0, basis.p90Minutes - basis.p50Minutes) * Math.sqrt(ratio);
  return { p50Minutes: Math.round(median), p90Minutes: Math.round(median + spread) };
}

/**
 * Follows one ticket through the office's live stream: feed it the stream's snapshots and deltas
 * and the server's reads of the ticket; it calls onTicket(ticket, alert) when what the page shows
 * changes and onAsk(when) when only the server can tell ('soon': the page's own change; 'later':
 * anything else, spread over seconds so that a lobby does not ask at once).
 */
export class PlaceFollower {
  constructor({ onTicket, onAsk }) {
    this.onTicket = onTicket;
    this.onAsk = onAsk;
    this.ticket = null;
    this.mark = null; // { version, epoch }: the ticket is exact up to this live version
    this.stream = null; // { version, epoch } of the stream's last snapshot
    this.log = []; // the deltas since that snapshot, in version order
    this.inexact = 0; // reads in a row that could not be made exact
  }

  /** A read of the ticket (GET); its "live" says at which version it was read. */
  read(ticket) {
    const live = ticket.live;
    this.ticket = ticket;
    if (!this.stream) {
      this.mark = live ? { version: live.version, epoch: live.epoch } : null;
      return;
    }
    const last = this.log.length ? this.log[this.log.length - 1].version : this.stream.version;
    if (!live) {
      this.mark = { version: last, epoch: this.stream.epoch }; // an older server: follow from now
      return;
    }
    if (live.epoch !== this.stream.epoch || live.version < this.stream.version) {
      // read in another epoch, or before the deltas this page has: the place cannot be made exact;
      // asked again once (twice in a row: it is followed from now on, and the slow refresh mends it)
      this.mark = { version: last, epoch: this.stream.epoch };
      this.inexact += 1;
      if (this.inexact < 2) this.onAsk('later');
      return;
    }
    this.inexact = 0;
    this.mark = { version: live.version, epoch: live.epoch };
    this.log.filter(e => e.version > live.version).forEach(e => this.apply(e));
  }

  /** The stream's snapshot: on connecting, and after a gap the stream could not fill. */
  snapshot(snapshot) {
    this.stream = { version: snapshot.version, epoch: snapshot.epoch };
    this.log = [];
    const m = this.mark;
    if (!this.ticket) return;
    if (!m || m.epoch !== snapshot.epoch || m.version < snapshot.version) {
      this.mark = { version: snapshot.version, epoch: snapshot.epoch };
      this.onAsk(m ? 'later' : 'soon');
    }
  }

  /** One delta of the stream (in version order, each once). */
  delta(event) {
    if (this.log.length >= LOG_MAX) this.log.shift();
    this.log.push(event);
    if (!this.ticket || !this.mark) return;
    if (event.version <= this.mark.version) return; // already in the ticket's read
    this.apply(event);
  }

  apply(event) {
    this.mark = { version: event.version, epoch: this.mark.epoch };
    const before = this.ticket;
    const { ticket, ask, alert } = applyEvent(before, event);
    this.ticket = ticket;
    if (ticket !== before) this.onTicket(ticket, alert);
    if (ask) this.onAsk(ask);
  }
}
