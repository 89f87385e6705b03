-- Helpers of the steps that take a ticket out of its queue or finish it at a counter (call_next.lua,
-- counter_transition.lua): sent after lib.lua with every script that names this file in a
-- "-- lib: call" line (see RedisStore).

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
  local arrival = issued_at + 0
  if slot_start and slot_start + 0 > arrival then arrival = slot_start + 0 end
  local actual = now - arrival
  if actual < 0 then actual = 0 end
  -- a measurement: a broken record (a key of another type) must never fail or half-do the call
  if redis.pcall('RPUSH', outcomes_key, id .. ',' .. int(actual)) == 1 then
    redis.pcall('EXPIRE', outcomes_key, ttl)
  end
end

-- Takes a ticket out of its field's queue (and out of the walk-in index when its score says it is there).
local function dequeue(queue, id, score)
  redis.call('ZREM', queue, id)
  if score >= 0 and score % 1 == 0 then redis.call('ZREM', queue .. WALK_INS_SUFFIX, id) end
end


-- fold: call_next.lua's "turn is near", answered in the call's step: crossed[queue] = k, the removals
-- from that queue at a place <= N + 1 (N: the turn-near places, a ticket with at most N before it is
-- near), each of which brought one more ticket into the zone: after k of them, the tickets at places
-- N + 2 - k .. N + 1 came in (a ticket already there is told once anyway: the JVM's messages are
-- deduplicated per booking). Read after the call's writes. Answers ',"near":[{"number","code","ahead"}..]'
-- for the checked-in appointments (a ticket with 'appt', WAITING) among them, '' when none. Booking
-- codes and numbers are the server's own codes (no escaping). It captures nothing (no upvalue to
-- find on every run of the helpers' top level): the caller passes the fields' names (T_APPT,
-- T_STATUS, T_NUMBER).
local function near_json(crossed, places, ticket_prefix, appt, status, number)
  local out = ''
  for queue, k in pairs(crossed) do
    local from = places + 1 - k
    if from < 0 then from = 0 end
    local ids = redis.call('ZRANGE', queue, string.format('%d', from), string.format('%d', places))
    for j = 1, #ids do
      local f = redis.call('HMGET', ticket_prefix .. ids[j], appt, status, number)
      if f[1] and f[2] == 'WAITING' then
        out = out .. (out == '' and '{"number":"' or ',{"number":"') .. f[3] .. '","code":"' .. f[1]
          .. '","ahead":' .. string.format('%d', from + j - 1) .. '}'
      end
    end
  end
  if out == '' then return '' end
  return ',"near":[' .. out .. ']'
end
