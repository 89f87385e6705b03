-- Read-only: what the wait predictor needs of an office, in one step (PredictionService caches it
-- a second or two per server). KEYS: one queue per field (today), then one counter hash per
-- counter. ARGV: 1 field count, 2 counter count.
-- Returns { waiting = { ZCARD per queue }, counters = { HGETALL per counter, a flat list } }: a
-- counter's hash holds its state (paused, current, day) and its service time statistics
-- ('t:<field>', 'n:<field>': service_time_fields in lib.lua).
local fields, counters = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = { waiting = {}, counters = {} }
for i = 1, fields do
  out.waiting[i] = waiting_count(KEYS[i])
end
for i = 1, counters do
  local c = redis.call('HGETALL', KEYS[fields + i])
  -- cjson writes an empty table as {}: an empty hash is sent as a list holding one ''
  if not c[1] then c = { '' } end
  out.counters[i] = c
end
return result(out)
