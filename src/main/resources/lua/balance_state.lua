-- Read-only: what the balancing advisor needs of an office, in one step. Each counter's pause flag
-- and whether it holds a ticket of today (CALLED or SERVING: busy, with that ticket's field), each
-- field's waiting count, and the stored advice (its signature, items and since when).
-- KEYS: 1 balance, then counter keys (ARGV[1] of them), then one queue per field (ARGV[2] of them)
-- ARGV: 1 counter count, 2 field count, 3 ticket key prefix, 4 service date (yyyy-MM-dd)
local nc, ns, tprefix, date = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], ARGV[4]
local stored = redis.call('HMGET', KEYS[1], 'sig', 'advice', 'since')
local out = { sig = stored[1] or '', advice = stored[2] or '[]', since = tonumber(stored[3] or '0'),
              counters = {}, waiting = {} }
for i = 1, nc do
  local state = redis.call('HMGET', KEYS[1 + i], 'paused', 'current')
  local c = { paused = state[1] == '1', busy = false }
  if state[2] then
    local v = redis.call('HMGET', tprefix .. state[2], T_SERVICE_DATE, T_STATUS, T_SERVICE)
    if v[1] == date and (v[2] == 'CALLED' or v[2] == 'SERVING') then
      c.busy = true
      c.service = v[3]
    end
  end
  out.counters[i] = c
end
for i = 1, ns do
  out.waiting[i] = waiting_count(KEYS[1 + nc + i])
end
return result(out)
