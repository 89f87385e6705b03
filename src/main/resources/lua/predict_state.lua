-- Read-only: what the wait predictor needs of an office, in one step (PredictionService caches it
-- a second or two per server). KEYS: 1 service-time statistics (hash), then one queue per field
-- (today), then one counter hash per counter. ARGV: 1 field count, 2 counter count.
-- Returns { times = HGETALL as a flat list, waiting = { ZCARD per queue },
--           counters = { { paused, current, day } per counter, '' where unset } }.
local fields, counters = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = { times = redis.call('HGETALL', KEYS[1]), waiting = {}, counters = {} }
for i = 1, fields do
  out.waiting[i] = redis.call('ZCARD', KEYS[1 + i])
end
for i = 1, counters do
  local c = redis.call('HMGET', KEYS[1 + fields + i], 'paused', 'current', 'day')
  out.counters[i] = { c[1] or '', c[2] or '', c[3] or '' }
end
return result(out)
