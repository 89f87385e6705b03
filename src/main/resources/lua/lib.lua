-- Shared by every layso script (prepended at load time). Tickets are stored as JSON strings.
-- Java computes keys, times and policy arguments; these scripts decide and write atomically.

local function load_ticket(key)
  local raw = redis.call('GET', key)
  if not raw then return nil end
  return cjson.decode(raw)
end

local function save_ticket(key, t)
  redis.call('SET', key, cjson.encode(t), 'KEEPTTL')
end

-- One waiting queue per service and day. Its score orders it: priority tickets carry their
-- arrival score minus PRIORITY_SHIFT, so they all sort (negative) before normal ones, each group
-- in arrival order. Scores stay integers below 2^53, exact in a double.
local PRIORITY_SHIFT = 4000000000000000

local function queue_of(queue_prefix, t)
  return queue_prefix .. t.serviceDate .. ':' .. t.service
end

-- 1-based place in line within the ticket's service.
local function position_of(queue, t)
  if t.status ~= 'WAITING' then return nil end
  local r = redis.call('ZRANK', queue, t.id)
  if not r then return nil end
  return r + 1
end

local function waiting_count(queue)
  return redis.call('ZCARD', queue)
end

-- What the lobby may see of a ticket: what a screen shows, never the id (the holder's secret) nor
-- the priority group (disability, pregnancy are private), only whether it is a priority ticket.
-- Applying it twice gives the same table.
local function public_ticket(t)
  local p = t.priority
  local out = { number = t.number, service = t.service, status = t.status, counter = t.counter,
           recalls = t.recalls, priority = p ~= nil and p ~= false and p ~= cjson.null }
  -- an appointment ticket says so, with its slot's start (HH:mm, office time): never the code
  if t.appointment == true then
    out.appointment = true
    out.slot = t.slot
  end
  return out
end

-- Bumps the office version and publishes the event with it and the office's epoch; returns the
-- version. The epoch key is the version key + ':epoch' (Keys.epoch); a missing one is started at
-- the store's time in microseconds. The event's ticket, if any, leaves as public_ticket only.
local function current_epoch(version_key)
  local epoch_key = version_key .. ':epoch'
  local epoch = redis.call('GET', epoch_key)
  if not epoch then
    local t = redis.call('TIME')
    epoch = t[1] .. string.format('%06d', tonumber(t[2]))
    redis.call('SET', epoch_key, epoch)
  end
  return epoch
end

local function emit(version_key, channel, event)
  local v = redis.call('INCR', version_key)
  local epoch = current_epoch(version_key)
  if event.ticket then event.ticket = public_ticket(event.ticket) end
  event.version = v
  event.epoch = epoch
  redis.call('PUBLISH', channel, cjson.encode(event))
  return v
end

local function contains(csv, value)
  for item in string.gmatch(csv, '[^,]+') do
    if item == value then return true end
  end
  return false
end

-- The counter's current ticket of today, if it may make this move: returns key, ticket; or nil,
-- error table. A current ticket of an earlier day is let go (the day closer expires it).
local function current_ticket(counter_key, ticket_prefix, allowed_from, service_date)
  local current = redis.call('HGET', counter_key, 'current')
  if not current then return nil, { error = 'no_current_ticket' } end
  local key = ticket_prefix .. current
  local t = load_ticket(key)
  if not t or t.serviceDate ~= service_date then
    redis.call('HDEL', counter_key, 'current')
    return nil, { error = 'no_current_ticket' }
  end
  if not contains(allowed_from, t.status) then return nil, { error = 'invalid_transition', status = t.status } end
  return key, t
end

-- The list belongs to one service day: it lives two days from the day's first call.
local function remember_call(calls_key, max, t, now)
  local length = redis.call('LPUSH', calls_key, cjson.encode({ number = t.number, counter = t.counter,
    service = t.service, at = now, recalls = t.recalls, priority = public_ticket(t).priority,
    appointment = public_ticket(t).appointment, slot = public_ticket(t).slot }))
  if length == 1 then redis.call('EXPIRE', calls_key, 172800) end
  redis.call('LTRIM', calls_key, 0, max - 1)
end

-- Today's served count of a counter: one hash per service day, a field per counter, counted in
-- the same step that completes the ticket. A counter's first count of the day gives the hash the
-- history's lifetime (a few times a day, not per ticket), like the day's other keys.
local function count_served(served_key, counter_id, ttl)
  local n = redis.call('HINCRBY', served_key, counter_id, 1)
  if n == 1 then redis.call('EXPIRE', served_key, ttl) end
  return n
end

-- Live service-time statistics of an office (Keys.serviceTimes), kept by the step that completes a
-- ticket: the time a counter spent on it (called to finished, in ms) goes into an exponentially
-- weighted mean of its field ('<field>') and of that counter on that field ('<field>|<counter>'),
-- and the field's count of completions ('#<field>'). The first sample starts a mean.
local SERVICE_TIME_ALPHA = 0.1

local function record_service_time(stats_key, t, counter_id)
  if not t.calledAt or not t.finishedAt or t.finishedAt < t.calledAt then return end
  local ms = t.finishedAt - t.calledAt
  local field, by_counter, count = t.service, t.service .. '|' .. counter_id, '#' .. t.service
  -- statistics: a broken hash (a key of another type) must never fail or half-do the completion
  local old = redis.pcall('HMGET', stats_key, field, by_counter, count)
  if type(old) ~= 'table' or old.err then return end
  local function mean(previous)
    if not previous then return ms end
    local p = tonumber(previous)
    return math.floor(p + SERVICE_TIME_ALPHA * (ms - p) + 0.5)
  end
  redis.pcall('HSET', stats_key, field, mean(old[1]), by_counter, mean(old[2]), count, tonumber(old[3] or '0') + 1)
end

-- A called ticket's wait prediction, as its holder was given it ("ahead,p50,p90,rawP50,rawP90", ms;
-- Keys.predictionsGiven), leaves the given hash and goes with the actual wait (since the effective
-- arrival: the later of issue and slot start) into the day's outcomes (Keys.predictionOutcomes),
-- which live as long as the day's history from their first entry. Called last in the call's step.
local function settle_prediction(given_key, outcomes_key, t, now, ttl)
  -- a measurement: a broken record (a key of another type) must never fail or half-do the call
  local given = redis.pcall('HGET', given_key, t.id)
  if type(given) ~= 'string' then return end
  redis.pcall('HDEL', given_key, t.id)
  local arrival = t.issuedAt
  if t.appointment and t.slotStart and t.slotStart > arrival then arrival = t.slotStart end
  local actual = now - arrival
  if actual < 0 then actual = 0 end
  if redis.pcall('RPUSH', outcomes_key, given .. ',' .. actual) == 1 then
    redis.pcall('EXPIRE', outcomes_key, ttl)
  end
end

-- A ticket as a counter's answer: its steps cut to what the answer shows (the last transfer, for
-- "transferred from", and the last call, with its reason), so the reply stays small however long the
-- history; the stored ticket keeps them all.
local function answer_ticket(t)
  if not t then return nil end
  local out, transfer, call = {}, nil, nil
  for k, v in pairs(t) do out[k] = v end
  if type(t.steps) == 'table' then
    for _, step in ipairs(t.steps) do
      if step.act == 'TRANSFER' then transfer = step elseif step.act == 'CALL' then call = step end
    end
  end
  out.steps = {}
  if transfer then out.steps[#out.steps + 1] = transfer end
  if call then out.steps[#out.steps + 1] = call end
  return out
end

-- Queue score: effective arrival in ms, times 1000, plus the day's sequence, so tickets issued in
-- the same millisecond keep their issuing order; shifted below zero for a priority ticket. An
-- appointment ticket's effective arrival is its slot start (t.slotStart, ms), and its score ends in
-- .5: exact in a double below 2^52 (the year 2112), so the score alone tells it from a walk-in.
local function queue_score(t)
  if t.appointment and t.slotStart then
    return t.slotStart * 1000 + ((t.seq or 0) % 1000) + 0.5
  end
  local score = t.issuedAt * 1000 + ((t.seq or 0) % 1000)
  if t.priority then return score - PRIORITY_SHIFT end
  return score
end

-- The effective arrival (epoch ms), priority and appointment flag that a queue score encodes.
local function arrival_of(score)
  if score < 0 then return math.floor((score + PRIORITY_SHIFT) / 1000), true, false end
  return math.floor(score / 1000), false, score % 1 ~= 0
end

local function result(tbl)
  return cjson.encode(tbl)
end

-- Appends one step to the ticket's history: what, when, who (staff account, device, public or
-- system), at which counter, and the field the ticket is in afterwards (a transfer names the one it left).
local function add_step(t, act, at, by, counter, from)
  if type(t.steps) ~= 'table' then t.steps = {} end
  t.steps[#t.steps + 1] = { act = act, at = at, by = by, counter = counter, service = t.service, from = from }
end

-- Counter actions with an Idempotency-Key: the first answer (success or refusal) is stored under
-- the key with the request's fingerprint; the same key replays it and changes nothing. use is
-- '1' when the request carried a key. body() runs the action and returns its result table.
local function idempotent(key, use, fingerprint, ttl, body)
  if use == '1' then
    local raw = redis.call('GET', key)
    if raw then
      local stored = cjson.decode(raw)
      if stored.f ~= fingerprint then return result({ error = 'idempotency_key_reused' }) end
      stored.r.replayed = true
      return result(stored.r)
    end
  end
  local out = body()
  if use == '1' then redis.call('SET', key, cjson.encode({ f = fingerprint, r = out }), 'EX', tonumber(ttl)) end
  return result(out)
end

-- An appointment's score in the office's due index (DueKey.java): its slot start as yyyyMMddHHmm.
local function due_score(date, start)
  return tonumber((date:gsub('-', ''))) * 10000 + tonumber((start:gsub(':', '')))
end

-- Issues a new ticket of the day into its field's queue and publishes ticket.issued: next number
-- of the field's day (nil, { error = 'numbers_exhausted' } past its capacity). k: sequence,
-- ticket, queue, version, day (index), open_days; a: office, id, service, priority, now, date,
-- prefix, number_start, capacity, digits, source, channel, history_ttl, and for an appointment
-- ticket slot_start (ms) and slot (HH:mm). Returns the ticket.
local function issue_new(k, a)
  local used = tonumber(redis.call('GET', k.sequence) or '0')
  if used >= tonumber(a.capacity) then return nil, { error = 'numbers_exhausted' } end
  local history_ttl = tonumber(a.history_ttl)
  local seq = redis.call('INCR', k.sequence)
  -- the first number of a field's day starts the day's keys' lives (a few times a day, not per ticket)
  if seq == 1 then
    redis.call('EXPIRE', k.sequence, history_ttl)
    redis.call('SADD', k.open_days, a.date)
  end
  local number = a.prefix .. string.format('%0' .. a.digits .. 'd', tonumber(a.number_start) + seq - 1)
  local t = { id = a.id, office = a.office, number = number, service = a.service, status = 'WAITING',
              priority = a.priority, issuedAt = a.now, serviceDate = a.date, seq = seq, recalls = 0,
              source = a.source }
  if a.slot_start then
    t.appointment = true
    t.slotStart = a.slot_start
    t.slot = a.slot
  end
  -- the booking behind a checked-in ticket (never public: public_ticket leaves it out), so that
  -- "your turn is near" can reach the phone the citizen booked with
  if a.appt then t.appt = a.appt end
  add_step(t, 'ISSUE', a.now, a.source, nil, nil)
  redis.call('SET', k.ticket, cjson.encode(t), 'EX', history_ttl)
  redis.call('ZADD', k.queue, queue_score(t), t.id)
  redis.call('ZADD', k.day, a.now, t.id)
  if seq == 1 then redis.call('EXPIRE', k.day, history_ttl) end
  emit(k.version, a.channel, { type = 'ticket.issued', office = a.office, at = a.now, ticket = public_ticket(t),
    queue = { service = t.service, waiting = waiting_count(k.queue) } })
  return t
end
