-- Shared by every layso script (prepended at load time, after the generated preamble of
-- TicketFields.java: the T_* names of a ticket hash's fields, STEPS_SUFFIX, WALK_INS_SUFFIX).
-- A ticket is a hash (its mutable state) and a list of steps beside it (docs/storage.md): an action
-- HMGETs the fields it decides on or answers, HSETs the few it changes and RPUSHes one step.
-- Java computes keys, times and policy arguments; these scripts decide and write atomically.

-- One waiting queue per service and day. Its score orders it: priority tickets carry their
-- arrival score minus PRIORITY_SHIFT, so they all sort (negative) before normal ones, each group
-- in arrival order. Scores stay integers below 2^53, exact in a double.
local PRIORITY_SHIFT = 4000000000000000

local function queue_of(queue_prefix, service_date, service)
  return queue_prefix .. service_date .. ':' .. service
end

-- 1-based place in line within the queue (nil when not in it).
local function place_in(queue, id)
  local r = redis.call('ZRANK', queue, id)
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

-- ticket: an event may also come as its JSON text already (a string: a complete object, whose
-- ticket is public already), to which the version and epoch are added without encoding it again.
local function emit(version_key, channel, event)
  local v = redis.call('INCR', version_key)
  local epoch = current_epoch(version_key)
  if type(event) == 'string' then
    redis.call('PUBLISH', channel, string.sub(event, 1, -2) .. ',"version":' .. string.format('%d', v)
      .. ',"epoch":"' .. epoch .. '"}')
    return v
  end
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

-- The fields a script answers a ticket with (TicketCodec reads them; its id goes beside them):
-- everything but the steps, the internal and the print fields.
local ANSWER_FIELDS = { T_STATUS, T_SERVICE_DATE, T_NUMBER, T_SERVICE, T_PRIORITY, T_ISSUED_AT, T_COUNTER,
  T_CALLED_AT, T_STARTED_AT, T_FINISHED_AT, T_RECALLS, T_SOURCE, T_END_REASON, T_SLOT, T_TRANSFERRED_FROM, T_WHY }

-- HMGETs the fields named (a list of T_* names) into a table keyed by them; absent ones stay nil.
local function read_fields(key, names)
  local v = redis.call('HMGET', key, unpack(names))
  local t = {}
  for i = 1, #names do
    if v[i] then t[names[i]] = v[i] end
  end
  return t
end

-- A ticket for an answer: its id and the fields read (a table from read_fields), as TicketCodec reads it.
local function answer_ticket(id, t)
  t.id = id
  return t
end

-- The hot paths (issuing, call-next) write their answers and events as JSON text by concatenation
-- of the strings they hold (hash values, ARGV), not through cjson: no table to build, no number to
-- format (docs/storage.md, "Cost"). A text goes out quoted, escaped by cjson only when it needs it.
local function jstr(s)
  if string.find(s, '[%c"\\]') then return cjson.encode(s) end
  return '"' .. s .. '"'
end

-- An integer as text: string.format's %d, far cheaper than the %.14g (or, as a redis.call argument,
-- %.17g) a number gets otherwise.
local function int(n)
  return string.format('%d', n)
end

-- A ticket's HGETALL (a flat list) as a table of its fields.
local function hash_of(list)
  local t = {}
  for i = 1, #list, 2 do t[list[i]] = list[i + 1] end
  return t
end

-- A ticket (its id and a table of its fields, strings) as the JSON object of an answer (TicketCodec):
-- the ANSWER_FIELDS it has.
local function ticket_json(id, t)
  local parts, n = { '{"id":"', id, '"' }, 3
  for i = 1, #ANSWER_FIELDS do
    local name = ANSWER_FIELDS[i]
    local v = t[name]
    if v then
      -- every field but the source is a code, a number or a time the server wrote: no escaping needed
      if name == T_SOURCE then
        parts[n + 1], parts[n + 2], parts[n + 3], parts[n + 4], n = ',"', name, '":', jstr(v), n + 4
      else
        parts[n + 1], parts[n + 2], parts[n + 3], parts[n + 4], parts[n + 5], n = ',"', name, '":"', v, '"', n + 5
      end
    end
  end
  parts[n + 1] = '}'
  return table.concat(parts)
end

-- What the lobby may see of a ticket (public_of below), as JSON text, from a table of its fields.
local function public_json(t)
  local slot, priority = t[T_SLOT], t[T_PRIORITY]
  return '{"number":"' .. t[T_NUMBER] .. '","service":"' .. t[T_SERVICE] .. '","status":"' .. t[T_STATUS]
    .. (t[T_COUNTER] and ('","counter":"' .. t[T_COUNTER] .. '"') or '"') .. ',"recalls":' .. (t[T_RECALLS] or '0')
    .. ',"priority":' .. ((priority and priority ~= '') and 'true' or 'false')
    .. (slot and (',"appointment":true,"slot":"' .. slot .. '"') or '') .. '}'
end

-- What the lobby may see of a ticket: what a screen shows, never the id (the holder's secret) nor
-- the priority group (disability, pregnancy are private), only whether it is a priority ticket;
-- an appointment ticket says so, with its slot's start (HH:mm, office time), never the code.
-- From its fields (absent ones nil or false, as HMGET gives them).
local function public_of(number, service, status, counter, recalls, priority, slot)
  local out = { number = number, service = service, status = status, counter = counter or nil,
                recalls = tonumber(recalls) or 0, priority = priority ~= nil and priority ~= false and priority ~= '' }
  if slot then
    out.appointment = true
    out.slot = slot
  end
  return out
end

-- public_of a table from read_fields.
local function public_fields(t)
  return public_of(t[T_NUMBER], t[T_SERVICE], t[T_STATUS], t[T_COUNTER], t[T_RECALLS], t[T_PRIORITY], t[T_SLOT])
end

-- The counter's current ticket of today, if it may make this move: returns key, fields (the names
-- given, with T_STATUS and T_SERVICE_DATE), id; or nil, error table. A current ticket of an earlier
-- day is let go (the day closer expires it).
local function current_ticket(counter_key, ticket_prefix, allowed_from, service_date, names)
  local current = redis.call('HGET', counter_key, 'current')
  if not current then return nil, { error = 'no_current_ticket' } end
  local key = ticket_prefix .. current
  local t = read_fields(key, names)
  if t[T_SERVICE_DATE] ~= service_date then
    redis.call('HDEL', counter_key, 'current')
    return nil, { error = 'no_current_ticket' }
  end
  if not contains(allowed_from, t[T_STATUS]) then return nil, { error = 'invalid_transition', status = t[T_STATUS] } end
  return key, t, current
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

local function service_time_fields(service, called_at, finished_at, old_mean, old_count)
  called_at = tonumber(called_at)
  if not called_at or not finished_at or finished_at < called_at then return nil end
  local ms = finished_at - called_at
  local mean, count, p = ms, 1, tonumber(old_mean)
  -- a mean that is no number starts again, and so does its count
  if p then mean, count = math.floor(p + SERVICE_TIME_ALPHA * (ms - p) + 0.5), (tonumber(old_count) or 0) + 1 end
  return { 't:' .. service, int(mean), 'n:' .. service, int(count) }
end

-- A called ticket's actual wait (since its effective arrival: the later of issue and slot start),
-- "id,ms", goes into the day's outcomes (Keys.predictionOutcomes), which live as long as the day's
-- history from their first entry; the reader joins it with the prediction its holder was given
-- (Keys.predictionsGiven) and keeps a ticket's first call only. Called last in the call's step.
local function settle_prediction(outcomes_key, id, issued_at, slot_start, now, ttl)
  local arrival = tonumber(issued_at)
  slot_start = tonumber(slot_start)
  if slot_start and slot_start > arrival then arrival = slot_start end
  local actual = now - arrival
  if actual < 0 then actual = 0 end
  -- a measurement: a broken record (a key of another type) must never fail or half-do the call
  if redis.pcall('RPUSH', outcomes_key, id .. ',' .. int(actual)) == 1 then
    redis.pcall('EXPIRE', outcomes_key, ttl)
  end
end

-- Queue score: effective arrival in ms, times 1000, plus the day's sequence, so tickets issued in
-- the same millisecond keep their issuing order; shifted below zero for a priority ticket. An
-- appointment ticket's effective arrival is its slot start (t.slotStart, ms), and its score ends in
-- .5: exact in a double below 2^52 (the year 2112), so the score alone tells it from a walk-in.
local function queue_score(issued_at, seq, priority, slot_start)
  seq = tonumber(seq) or 0
  if slot_start then
    return tonumber(slot_start) * 1000 + (seq % 1000) + 0.5
  end
  local score = tonumber(issued_at) * 1000 + (seq % 1000)
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

-- Takes a ticket out of its field's queue (and out of the walk-in index when its score says it is there).
local function dequeue(queue, id, score)
  redis.call('ZREM', queue, id)
  if score >= 0 and score % 1 == 0 then redis.call('ZREM', queue .. WALK_INS_SUFFIX, id) end
end

-- The effective arrival (epoch ms), priority and appointment flag that a queue score encodes.
local function arrival_of(score)
  if score < 0 then return math.floor((score + PRIORITY_SHIFT) / 1000), true, false end
  return math.floor(score / 1000), false, score % 1 ~= 0
end

local function result(tbl)
  return cjson.encode(tbl)
end

-- Appends one step to a ticket's steps (its key .. STEPS_SUFFIX), as one entry
-- "act|at|counter|field|from|why|by" (TicketCodec.step): what, when (epoch ms), at which counter,
-- the field the ticket is in afterwards (a transfer also names the one it left), a call's reason,
-- and who (staff account, device, public or system; last, so it may hold anything). The issue is
-- no entry: its step is the hash's (issuedAt, source, the first field), so issuing writes no list.
-- The first entry starts the list's life: ttl (s), the history's, when the script has it, else the
-- ticket hash's remaining life.
local function add_step(key, act, at, by, counter, service, from, why, ttl)
  local steps = key .. STEPS_SUFFIX
  if redis.call('RPUSH', steps, act .. '|' .. at .. '|' .. (counter or '') .. '|' .. (service or '') .. '|'
      .. (from or '') .. '|' .. (why or '') .. '|' .. (by or '')) == 1 then
    if ttl then
      redis.call('EXPIRE', steps, ttl)
    else
      local left = redis.call('PTTL', key)
      if left > 0 then redis.call('PEXPIRE', steps, left) end
    end
  end
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
-- ticket, queue, version, day (index), open_days; a: office, id, service, priority, now (ms, as
-- ARGV gives it), date, prefix, number_start, capacity, digits, source, channel, history_ttl, and
-- for an appointment ticket slot_start (ms) and slot (HH:mm), for a checked-in one appt (the
-- booking code), for a card's card_last4. The hash only: its ISSUE step is its issuedAt, source and
-- field (add_step). Returns the answer's ticket as JSON text and its place in line.
local function issue_new(k, a)
  local seq = redis.call('INCR', k.sequence)
  -- the first number of a field's day starts the day's keys' lives (a few times a day, not per ticket)
  if seq == 1 then
    redis.call('EXPIRE', k.sequence, a.history_ttl)
    redis.call('SADD', k.open_days, a.date)
  end
  if seq > tonumber(a.capacity) then
    redis.call('DECR', k.sequence)
    return nil, { error = 'numbers_exhausted' }
  end
  local number = a.prefix .. string.format('%0' .. a.digits .. 'd', tonumber(a.number_start) + seq - 1)
  local fields = { T_NUMBER, number, T_SERVICE, a.service, T_STATUS, 'WAITING', T_ISSUED_AT, a.now,
                   T_SERVICE_DATE, a.date, T_SEQ, int(seq), T_SOURCE, a.source }
  local n = 14
  local extra = ''
  if a.priority then
    fields[n + 1], fields[n + 2], n = T_PRIORITY, a.priority, n + 2
    extra = ',"' .. T_PRIORITY .. '":"' .. a.priority .. '"'
  end
  if a.slot_start then
    fields[n + 1], fields[n + 2], fields[n + 3], fields[n + 4], n = T_SLOT_START, a.slot_start, T_SLOT, a.slot, n + 4
    extra = extra .. ',"' .. T_SLOT .. '":"' .. a.slot .. '"'
  end
  -- the booking behind a checked-in ticket (never public), so that "your turn is near" can reach the
  -- phone the citizen booked with
  if a.appt then fields[n + 1], fields[n + 2], n = T_APPT, a.appt, n + 2 end
  if a.card_last4 then fields[n + 1], fields[n + 2], n = T_CARD_LAST4, a.card_last4, n + 2 end
  redis.call('HSET', k.ticket, unpack(fields))
  redis.call('EXPIRE', k.ticket, a.history_ttl)
  local score = queue_score(a.now, seq, a.priority, a.slot_start)
  enqueue(k.queue, a.id, score)
  redis.call('ZADD', k.day, a.now, a.id)
  if seq == 1 then redis.call('EXPIRE', k.day, a.history_ttl) end
  local place = int(redis.call('ZRANK', k.queue, a.id) + 1)
  local service = a.service
  emit(k.version, a.channel, '{"type":"ticket.issued","office":"' .. a.office .. '","at":' .. a.now
    .. ',"ticket":{"number":"' .. number .. '","service":"' .. service .. '","status":"WAITING","recalls":0,'
    .. '"priority":' .. (a.priority and 'true' or 'false')
    .. (a.slot and (',"appointment":true,"slot":"' .. a.slot .. '"') or '') .. '},"queue":{"service":"' .. service
    .. '","waiting":' .. int(redis.call('ZCARD', k.queue)) .. ',"place":' .. place .. '}}')
  return '{"id":"' .. a.id .. '","' .. T_NUMBER .. '":"' .. number .. '","' .. T_SERVICE .. '":"' .. service
    .. '","' .. T_STATUS .. '":"WAITING","' .. T_ISSUED_AT .. '":' .. a.now .. ',"' .. T_SERVICE_DATE .. '":"'
    .. a.date .. '","' .. T_SOURCE .. '":' .. jstr(a.source) .. extra .. '}', place
end
