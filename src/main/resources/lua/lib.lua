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

-- The hot paths (issuing, call-next) write their answers and events as JSON text by concatenation
-- of the strings they hold (hash values, ARGV), not through cjson: no table to build, no number to
-- format (docs/storage.md, "Cost"). A text goes out quoted, escaped by cjson only when it needs it.
local function jstr(s)
  if string.find(s, '[%c"\\]') then return cjson.encode(s) end
  return '"' .. s .. '"'
end

-- An integer as text: string.format's %d, far cheaper than the %.14g (or, as a redis.call argument,
-- %.17g) a number gets otherwise; the small ones (streaks, places, counts) from a table, cheaper still
-- (a %d costs about 1,500 instructions, docs/storage.md "Cost").
local SMALL = { [0] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' }

local function int(n)
  return SMALL[n] or string.format('%d', n)
end

-- A ticket's HGETALL (a flat list) as a table of its fields.
local function hash_of(list)
  local t = {}
  for i = 1, #list, 2 do t[list[i]] = list[i + 1] end
  return t
end

-- A ticket (its id and a table of its fields, strings) as the JSON object of an answer (TicketCodec,
-- which reads the fields it knows and skips the rest): the table as it is, through cjson (C: about
-- half the instructions of the same text by concatenation, docs/storage.md "Cost"), without the
-- booking code behind a checked-in ticket ('appt', never answered).
local function ticket_json(id, t)
  local appt = t[T_APPT]
  t.id, t[T_APPT] = id, nil
  local json = cjson.encode(t)
  t.id, t[T_APPT] = nil, appt
  return json
end

-- What the lobby may see of a ticket (public_of below), as JSON text, from a table of its fields.
local function public_json(t)
  local slot, priority = t[T_SLOT], t[T_PRIORITY]
  return '{"number":"' .. t[T_NUMBER] .. '","service":"' .. t[T_SERVICE] .. '","status":"' .. t[T_STATUS]
    .. (t[T_COUNTER] and ('","counter":"' .. t[T_COUNTER] .. '"') or '"') .. ',"recalls":' .. (t[T_RECALLS] or '0')
    .. ',"priority":' .. ((priority and priority ~= '') and 'true' or 'false')
    .. (slot and (',"appointment":true,"slot":"' .. slot .. '"') or '') .. '}'
end

local function contains(csv, value)
  for item in string.gmatch(csv, '[^,]+') do
    if item == value then return true end
  end
  return false
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

