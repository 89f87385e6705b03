-- lib: booking
-- Marks NO_SHOW the appointments whose check-in window has ended without a check-in, and gives
-- their places back: the slot ledger's count of the slot goes down by one, so the appointment
-- share of that slot is no longer reserved (walk-ins are not held back by it, and the capacity
-- report shows it free). The due index (zset: code -> slot start ms) names the candidates; only a
-- BOOKED record changes, so two servers sweeping at once change each appointment once.
-- KEYS: 1 due index
-- ARGV: 1 latest slot start ms whose window has ended, 2 appointment key prefix, 3 slot ledger
--       key prefix (+ date .. ':' .. service), 4 now ms, 5 batch
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[5]))
local now, marked = tonumber(ARGV[4]), 0
for _, code in ipairs(due) do
  local key = ARGV[2] .. code
  local r = redis.call('HMGET', key, 'status', 'service', 'date', 'start')
  if r[1] == 'BOOKED' then
    redis.call('HSET', key, 'status', 'NO_SHOW', 'updatedAt', now)
    appt_count(key, r[3], r[2], 'noShow', 1)
    local ledger = ARGV[3] .. r[3] .. ':' .. r[2]
    if tonumber(redis.call('HGET', ledger, r[4]) or '0') > 0 then redis.call('HINCRBY', ledger, r[4], -1) end
    marked = marked + 1
  end
  redis.call('ZREM', KEYS[1], code)
end
return result({ marked = marked, more = #due == tonumber(ARGV[5]) })
