-- Closes one service day of an office, a batch of tickets per call so that Redis is never held
-- long: every ticket of the day still waiting, called or being served ends EXPIRED (reason
-- day_closed, an EXPIRE step by 'system'). The last call empties the day's queues, frees the
-- counters that still hold a ticket of that day, resets their priority streaks, marks the day
-- closed and publishes day.closed. Once closed, further calls change nothing, so however many
-- servers run the closer, a day is closed exactly once. (The day leaves the open-days set only
-- once its history is archived too; see DayCloser.)
-- KEYS: 1 day index, 2 day state, 3 version, then counter keys, then the day's queues
-- ARGV: 1 office, 2 service date, 3 now ms, 4 channel, 5 ticket key prefix, 6 batch size,
--       7 cursor, 8 counter count, 9 queue count
local now, tprefix = tonumber(ARGV[3]), ARGV[5]
local batch, cursor = tonumber(ARGV[6]), tonumber(ARGV[7])
local nc, nq = tonumber(ARGV[8]), tonumber(ARGV[9])

if redis.call('HGET', KEYS[2], 'closedAt') then
  return result({ closed = true, already = true })
end

local ids = redis.call('ZRANGE', KEYS[1], cursor, cursor + batch - 1)
local expired = 0
for _, id in ipairs(ids) do
  local key = tprefix .. id
  local t = load_ticket(key)
  if t and (t.status == 'WAITING' or t.status == 'CALLED' or t.status == 'SERVING') then
    t.endedFrom = t.status
    t.status = 'EXPIRED'
    t.endReason = 'day_closed'
    t.expiredAt = now
    add_step(t, 'EXPIRE', now, 'system', t.counter, nil)
    save_ticket(key, t)
    expired = expired + 1
  end
end
if expired > 0 then redis.call('HINCRBY', KEYS[2], 'expired', expired) end
if #ids == batch then
  return result({ closed = false, next = cursor + batch })
end

for i = 1, nc do
  local counter = KEYS[3 + i]
  local current = redis.call('HGET', counter, 'current')
  if current then
    local t = load_ticket(tprefix .. current)
    if not t or t.serviceDate <= ARGV[2] then redis.call('HDEL', counter, 'current') end
  end
  if (redis.call('HGET', counter, 'day') or '') <= ARGV[2] then
    redis.call('HSET', counter, 'priorityStreak', 0)
  end
end
for i = 1, nq do
  redis.call('DEL', KEYS[3 + nc + i])
end
local total = tonumber(redis.call('HGET', KEYS[2], 'expired') or '0')
redis.call('HSET', KEYS[2], 'closedAt', now, 'expired', total)
emit(KEYS[3], ARGV[4], { type = 'day.closed', office = ARGV[1], at = now, date = ARGV[2], expired = total })
return result({ closed = true, expired = total })
