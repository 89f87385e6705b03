-- Shared by every layso script (prepended at load time). Tickets are stored as JSON strings.
-- Java computes keys, times and policy arguments; these scripts decide and write atomically.

local function load_ticket(key)
  local raw = redis.call('GET', key)
  if not raw then return nil end
  return cjson.decode(raw)
end

-- Returns the JSON stored, so that an answer can carry the ticket without encoding it again.
local function save_ticket(key, t)
  local json = cjson.encode(t)
  redis.call('SET', key, json, 'KEEPTTL')
  return json
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
-- The epoch is read once per script run (a call publishes two events): nothing else changes it
-- within the run, and a run is atomic.
local epochs = {}

local function current_epoch(version_key)
  local epoch = epochs[version_key]
  if epoch then return epoch end
  local epoch_key = version_key .. ':epoch'
  epoch = redis.call('GET', epoch_key)
  if not epoch then
    local t = redis.call('TIME')
    epoch = t[1] .. string.format('%06d', tonumber(t[2]))
    redis.call('SET', epoch_key, epoch)
  end
  epochs[version_key] = epoch
  return epoch
end

local function emit(version_key, channel, event)
  local v = redis.call('INCR', version_key)
  local epoch = current_epoch(version_key)
  -- a stored ticket (it has an id) leaves as public_ticket; one given as public_ticket already is kept
  if event.ticket and event.ticket.id ~= nil then event.ticket = public_ticket(event.ticket) end
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
-- It keeps at least the newest max calls (readers read those): trimmed back to them when it grows
-- past twice as many, not on every call.
local function remember_call(calls_key, max, t, now)
  local p = public_ticket(t)
  local length = redis.call('LPUSH', calls_key, cjson.encode({ number = t.number, counter = t.counter,
    service = t.service, at = now, recalls = t.recalls, priority = p.priority,
    appointment = p.appointment, slot = p.slot }))
  if length == 1 then redis.call('EXPIRE', calls_key, 172800) end
  if length > 2 * max then redis.call('LTRIM', calls_key, 0, max - 1) end
end

-- Today's served count of a counter: one hash per service day, a field per counter, counted in
-- the same step that completes the ticket. A counter's first count of the day gives the hash the
-- history's lifetime (a few times a day, not per ticket), like the day's other keys.
local function count_served(served_key, counter_id, ttl)
  local n = redis.call('HINCRBY', served_key, counter_id, 1)
  if n == 1 then redis.call('EXPIRE', served_key, ttl) end
  return n
end

-- Live service-time statistics, kept in the counter's own hash by the step that completes a ticket
-- (it writes that hash anyway, so they cost no command of their own): the time the counter spent on
-- the ticket (called to finished, in ms) goes into an exponentially weighted mean of that counter
-- on the ticket's field ('t:<field>'), and its completions there are counted ('n:<field>'). The
-- first sample starts a mean; a field's mean is the counters' pooled (RedisPredictionStore).
-- Given the old mean and count (nil, or a value that is no number: none), returns the fields and
-- values to HSET, or nil when the ticket has no service time.
local SERVICE_TIME_ALPHA = 0.1

local function service_time_fields(t, old_mean, old_count)
  if not t.calledAt or not t.finishedAt or t.finishedAt < t.calledAt then return nil end
  local ms = t.finishedAt - t.calledAt
  local mean, count, p = ms, 1, tonumber(old_mean)
  -- a mean that is no number starts again, and so does its count
  if p then mean, count = math.floor(p + SERVICE_TIME_ALPHA * (ms - p) + 0.5), (tonumber(old_count) or 0) + 1 end
  return { 't:' .. t.service, mean, 'n:' .. t.service, count }
end

-- A called ticket's actual wait (since its effective arrival: the later of issue and slot start),
-- "id,ms", goes into the day's outcomes (Keys.predictionOutcomes), which live as long as the day's
-- history from their first entry; the reader joins it with the prediction its holder was given
-- (Keys.predictionsGiven) and keeps a ticket's first call only. Called last in the call's step.
local function settle_prediction(outcomes_key, t, now, ttl)
  local arrival = t.issuedAt
  if t.appointment and t.slotStart and t.slotStart > arrival then arrival = t.slotStart end
  local actual = now - arrival
  if actual < 0 then actual = 0 end
  -- a measurement: a broken record (a key of another type) must never fail or half-do the call
  if redis.pcall('RPUSH', outcomes_key, t.id .. ',' .. actual) == 1 then
    redis.pcall('EXPIRE', outcomes_key, ttl)
  end
end

-- fold: the wait prediction handed out with a new ticket, recorded by the step that gives it its place
-- (no second round trip; predict_given.lua is left for a place not foretold). The JVM foretold the
-- places the ticket may take; from ARGV[i]: the KEYS index of the day's given predictions (a hash,
-- Keys.predictionsGiven; '' or absent: none foretold), the first place foretold, then one record per
-- place from it ("ahead,p50 ms,p90 ms,raw p50 ms,raw p90 ms,field"). The ticket's record is
-- HSETNXed (the first one given stays), the hash living as long as the day's history. Returns the
-- record written, for the answer (the holder is shown exactly it), or nil: place not foretold, or a
-- broken record (a key of another type), which never fails the issue.
local function record_given(i, id, place, ttl)
  local k = tonumber(ARGV[i] or '')
  if not k or not place then return nil end
  local first = tonumber(ARGV[i + 1])
  if place < first then return nil end
  local rec = ARGV[i + 2 + place - first]
  if not rec then return nil end
  if redis.pcall('HSETNX', KEYS[k], id, rec) ~= 1 then return nil end
  if redis.pcall('TTL', KEYS[k]) == -1 then redis.pcall('EXPIRE', KEYS[k], tonumber(ttl)) end
  return rec
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
-- body() may also return its result as JSON already (a string), which is then stored and answered as is.
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
  local json = type(out) == 'string' and out or result(out)
  if use == '1' then
    redis.call('SET', key, '{"f":' .. cjson.encode(fingerprint) .. ',"r":' .. json .. '}', 'EX', tonumber(ttl))
  end
  return json
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
