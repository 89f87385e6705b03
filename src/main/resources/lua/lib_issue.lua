-- Helpers of the scripts that put a ticket into a queue (issue_ticket.lua, check_in.lua,
-- transfer.lua), sent after lib.lua with every script that names this file in a "-- lib: issue"
-- line (see RedisStore).

-- Queue score: effective arrival in ms, times 1000, plus the day's sequence, so tickets issued in
-- the same millisecond keep their issuing order; shifted below zero for a priority ticket. An
-- appointment ticket's effective arrival is its slot start (t.slotStart, ms), and its score ends in
-- .5: exact in a double below 2^52 (the year 2112), so the score alone tells it from a walk-in.
local function queue_score(issued_at, seq, priority, slot_start)
  seq = tonumber(seq) or 0
  if slot_start then
    return slot_start * 1000 + (seq % 1000) + 0.5
  end
  local score = issued_at * 1000 + (seq % 1000)
  if priority then return score - PRIORITY_SHIFT end
  return score
end

-- Puts a ticket into its field's queue, and a normal walk-in (no priority, no appointment: a score
-- >= 0 with no .5) into the queue's walk-in index too (WALK_INS_SUFFIX, same score): the scripts
-- that add to or take from a queue keep the two in step.
local function enqueue(queue, id, score)
  -- the score as text: %d for a walk-in's integer, %.1f for an appointment's .5 (not Redis's %.17g)
  local walk_in = score >= 0 and score % 1 == 0
  local text = score % 1 == 0 and string.format('%d', score) or string.format('%.1f', score)
  redis.call('ZADD', queue, text, id)
  if walk_in then redis.call('ZADD', queue .. WALK_INS_SUFFIX, text, id) end
end

-- Issues a new ticket of the day into its field's queue and publishes ticket.issued: next number
-- of the field's day (nil, { error = 'numbers_exhausted' } past its capacity). k: the KEYS index of
-- the field's day sequence, followed in KEYS by the ticket, queue, version, day (index) and open days
-- keys; then office, id, service, priority (nil: none), now (ms, as ARGV gives it), date, prefix,
-- number_start, capacity, digits, source, and for an appointment ticket
-- slot_start (ms) and slot (HH:mm), for a checked-in one appt (the booking code), for a card's
-- card_last4 (nil: none), and fold: the ARGV index of the places foretold (below; nil: none). Its
-- arguments are positional, not a table of named fields: a record costs about 5,000 instructions to
-- build and collect (docs/storage.md, "Cost"). The hash only: its ISSUE step is its
-- issuedAt, source and field (see add_step in lib.lua); the wait prediction handed out is a field of
-- the same HSET (T_GIVEN), written once the queue has told the ticket's place. Returns the answer's
-- ticket as JSON text, its place in line (text) and the prediction recorded (nil: none).
local function issue_new(k, office, id, service, priority, now, date, prefix, number_start, capacity, digits,
                         source, slot_start, slot, appt, card_last4, fold)
  local sequence, ticket, queue = KEYS[k], KEYS[k + 1], KEYS[k + 2]
  local seq = redis.call('INCR', sequence)
  -- the first number of a field's day starts the day's keys' lives (a few times a day, not per ticket)
  if seq == 1 then
    redis.call('EXPIRE', sequence, HISTORY_TTL)
    redis.call('SADD', KEYS[k + 5], date)
  end
  if seq > capacity + 0 then
    redis.call('DECR', sequence)
    return nil, { error = 'numbers_exhausted' }
  end
  enqueue(queue, id, queue_score(now, seq, priority, slot_start))
  local rank = redis.call('ZRANK', queue, id) + 1
  -- fold: the wait prediction handed out with the ticket, recorded by the step that gives it its place
  -- (no second round trip; predict_given.lua is left for a place not foretold), in the ticket's own
  -- hash (T_GIVEN, the HSET below): no command of its own. The JVM foretold the places the ticket may
  -- take; from ARGV[fold]: the first place foretold ('' or absent: none), then one record per place
  -- from it ("ahead,p50 ms,p90 ms,raw p50 ms,raw p90 ms,field": digits, commas and a field code,
  -- answered as they are: the holder is shown exactly the recorded one).
  local given = nil
  if fold then
    local first = ARGV[fold]
    if first and first ~= '' and rank >= first + 0 then given = ARGV[fold + 1 + rank - first] end
  end
  local number = prefix .. string.format('%0' .. digits .. 'd', number_start + seq - 1)
  local extra = ''
  if priority or slot_start or appt or card_last4 or given then
    local fields = { T_NUMBER, number, T_SERVICE, service, T_STATUS, 'WAITING', T_ISSUED_AT, now,
                     T_SERVICE_DATE, date, T_SEQ, int(seq), T_SOURCE, source }
    local n = 14
    if priority then
      fields[n + 1], fields[n + 2], n = T_PRIORITY, priority, n + 2
      extra = ',"' .. T_PRIORITY .. '":"' .. priority .. '"'
    end
    if slot_start then
      fields[n + 1], fields[n + 2], fields[n + 3], fields[n + 4], n = T_SLOT_START, slot_start, T_SLOT, slot, n + 4
      extra = extra .. ',"' .. T_SLOT .. '":"' .. slot .. '"'
    end
    -- the booking behind a checked-in ticket (never public), so that "your turn is near" can reach the
    -- phone the citizen booked with
    if appt then fields[n + 1], fields[n + 2], n = T_APPT, appt, n + 2 end
    if card_last4 then fields[n + 1], fields[n + 2], n = T_CARD_LAST4, card_last4, n + 2 end
    if given then fields[n + 1], fields[n + 2], n = T_GIVEN, given, n + 2 end
    redis.call('HSET', ticket, unpack(fields))
  else
    redis.call('HSET', ticket, T_NUMBER, number, T_SERVICE, service, T_STATUS, 'WAITING', T_ISSUED_AT, now,
      T_SERVICE_DATE, date, T_SEQ, int(seq), T_SOURCE, source)
  end
  redis.call('EXPIRE', ticket, HISTORY_TTL)
  redis.call('ZADD', KEYS[k + 4], now, id)
  if seq == 1 then redis.call('EXPIRE', KEYS[k + 4], HISTORY_TTL) end
  local place = int(rank)
  emit(KEYS[k + 3], EVENTS_CHANNEL, '{"type":"ticket.issued","office":"' .. office .. '","at":' .. now
    .. ',"ticket":{"number":"' .. number .. '","service":"' .. service .. '","status":"WAITING","recalls":0,'
    .. '"priority":' .. (priority and 'true' or 'false')
    .. (slot and (',"appointment":true,"slot":"' .. slot .. '"') or '') .. '},"queue":{"service":"' .. service
    .. '","waiting":' .. int(redis.call('ZCARD', queue)) .. ',"place":' .. place .. '}}')
  return '{"id":"' .. id .. '","' .. T_NUMBER .. '":"' .. number .. '","' .. T_SERVICE .. '":"' .. service
    .. '","' .. T_STATUS .. '":"WAITING","' .. T_ISSUED_AT .. '":' .. now .. ',"' .. T_SERVICE_DATE .. '":"'
    .. date .. '","' .. T_SOURCE .. '":' .. jstr(source) .. extra .. '}', place, given
end

-- A repeated issuing request (the same Idempotency-Key): the first answer's ticket in its current
-- state, or idempotency_key_reused when the repeat asks for another field, priority or card; nil
-- when the key is new (or its ticket is gone), and the request issues a new ticket. The ticket and
-- queue key prefixes are the office's (Keys.ticketPrefix, Keys.queuePrefix).
local function issue_replay(idempotency, ticket_prefix, queue_prefix, service, priority, card_last4)
  local existing_id = redis.call('GET', idempotency)
  if not existing_id then return nil end
  local t = hash_of(redis.call('HGETALL', ticket_prefix .. existing_id))
  if not t[T_STATUS] then return nil end
  if (t[T_FIRST_SERVICE] or t[T_SERVICE]) ~= service or t[T_PRIORITY] ~= priority or t[T_CARD_LAST4] ~= card_last4 then
    return result({ error = 'idempotency_key_reused' })
  end
  local position = ''
  if t[T_STATUS] == 'WAITING' then
    position = ',"position":' .. int(place_in(queue_of(queue_prefix, t[T_SERVICE_DATE], t[T_SERVICE]), existing_id))
  end
  return '{"ticket":' .. ticket_json(existing_id, t) .. position .. ',"replayed":true}'
end
