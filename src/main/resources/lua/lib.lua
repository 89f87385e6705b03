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

-- The office's event log: a capped Redis Stream beside the version key (Keys.eventLog), in the
-- office's cluster slot, whose entry ids are 0-<version> (the stream's position IS the version)
-- and whose one field 'e' holds the event's JSON as published. The recent calls are read from it
-- (snapshot.lua) and a socket that missed deltas is repaired from it (live_replay.lua). Trimmed
-- approximately (whole stream nodes: never below the cap) every EVENT_LOG_TRIM versions, so it
-- holds at most about cap + 200 entries. EVENT_LOG_CAP (Keys.EVENT_LOG_CAP) and EVENT_LOG_TRIM are
-- written into the text by LuaSource (constants: no upvalues of emit).

-- The office's epoch: one unbroken history of versions. The epoch key is the version key +
-- ':epoch' (Keys.epoch); a missing one is started at the store's time in microseconds. It is read
-- once per script run: nothing else changes it within the run (but emit below), and a run is atomic.
local epochs = {}

local function new_epoch(version_key)
  local t = redis.call('TIME')
  local epoch = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('SET', version_key .. ':epoch', epoch)
  epochs[version_key] = epoch
  return epoch
end

local function current_epoch(version_key)
  local epoch = epochs[version_key]
  if epoch then return epoch end
  epoch = redis.call('GET', version_key .. ':epoch')
  if not epoch then return new_epoch(version_key) end
  epochs[version_key] = epoch
  return epoch
end

-- Bumps the office version, appends the event (with that version and the office's epoch) to the
-- office's event log and publishes it on the channel (each server's one subscription delivers it
-- to its sockets: docs/live.md); returns the version. The event comes as a table (its ticket, if
-- a stored one, leaves as public_ticket only) or as its JSON text already (a complete object whose
-- ticket is public already: the hot paths), to which the version and epoch are added without
-- encoding it again. A log whose last id is not below the new version (the version key was lost or
-- set back while the log survived) cannot hold this history: the log starts again in a new epoch,
-- so every screen takes a snapshot (the epoch rule).
local function emit(version_key, channel, event)
  local v = redis.call('INCR', version_key)
  local vs = string.format('%d', v)
  local body = nil
  if type(event) == 'string' then
    body = string.sub(event, 1, -2) .. ',"version":' .. vs .. ',"epoch":"'
  else
    -- a stored ticket (it has an id) leaves as public_ticket; one given as public_ticket already is kept
    if event.ticket and event.ticket.id ~= nil then event.ticket = public_ticket(event.ticket) end
    event.version = v
  end
  -- the epoch as current_epoch reads it, inline: no closure of its own to build on every run
  local epoch = epochs[version_key]
  if not epoch then
    epoch = redis.call('GET', version_key .. ':epoch') or new_epoch(version_key)
    epochs[version_key] = epoch
  end
  local log_key, id, json = version_key .. ':log', '0-' .. vs, nil
  if body then json = body .. epoch .. '"}' else event.epoch = epoch; json = cjson.encode(event) end
  local added = redis.pcall('XADD', log_key, id, 'e', json)
  if type(added) == 'table' and added.err then
    epoch = new_epoch(version_key)
    if body then json = body .. epoch .. '"}' else event.epoch = epoch; json = cjson.encode(event) end
    redis.call('DEL', log_key)
    redis.call('XADD', log_key, id, 'e', json)
  end
  -- trimmed every EVENT_LOG_TRIM versions, not at each append (MAXLEN on every XADD cost ~2 % of an event)
  if v % EVENT_LOG_TRIM == 0 then redis.call('XTRIM', log_key, 'MAXLEN', '~', EVENT_LOG_CAP) end
  redis.call('PUBLISH', channel, json)
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
  local t = { [T_STATUS] = nil, [T_SERVICE_DATE] = nil, [T_NUMBER] = nil, [T_SERVICE] = nil, [T_PRIORITY] = nil,
    [T_ISSUED_AT] = nil, [T_SEQ] = nil, [T_SOURCE] = nil, [T_COUNTER] = nil, [T_CALLED_AT] = nil, [T_STARTED_AT] = nil,
    [T_FINISHED_AT] = nil, [T_RECALLS] = nil, [T_END_REASON] = nil, [T_WHY] = nil, id = nil }
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

-- idempotent in two halves, for a hot script whose body runs at its top level rather than in a
-- closure (one closure capturing every local of the script costs more than the body's work in
-- places: docs/storage.md "Cost"): replayed() answers the stored answer (or the refusal of a key
-- reused for another action) when the request carried a key already used, else nil; remembered()
-- stores a JSON answer under the key when the request carried one, and returns it.
local function replayed(key, use, fingerprint)
  if use ~= '1' then return nil end
  local raw = redis.call('GET', key)
  if not raw then return nil end
  local stored = cjson.decode(raw)
  if stored.f ~= fingerprint then return result({ error = 'idempotency_key_reused' }) end
  stored.r.replayed = true
  return result(stored.r)
end

local function remembered(key, use, fingerprint, ttl, json)
  if use == '1' then
    redis.call('SET', key, '{"f":' .. cjson.encode(fingerprint) .. ',"r":' .. json .. '}', 'EX', ttl)
  end
  return json
end

-- An appointment's score in the office's due index (DueKey.java): its slot start as yyyyMMddHHmm.
local function due_score(date, start)
  return tonumber((date:gsub('-', ''))) * 10000 + tonumber((start:gsub(':', '')))
end

