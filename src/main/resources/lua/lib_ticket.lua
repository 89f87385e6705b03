-- Helpers of the scripts that read a ticket's fields into a table and answer it through cjson
-- (counter actions, views, check-in): sent after lib.lua with every script that names this file in
-- a "-- lib: ticket" line (see RedisStore). The hot paths (issuing, call-next) do without them.


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

