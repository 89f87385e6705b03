-- Closes one service day of an office, a batch of tickets per call so that Redis is never held
-- long: every ticket of the day still waiting, called or being served ends EXPIRED (reason
-- day_closed, an EXPIRE step by 'system'). The last call empties the day's queues (and their walk-in indexes), frees the
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
  local v = redis.call('HMGET', key, T_STATUS, T_COUNTER, T_SERVICE)
  local status = v[1]
  if status == 'WAITING' or status == 'CALLED' or status == 'SERVING' then
    redis.call('HSET', key, T_ENDED_FROM, status, T_STATUS, 'EXPIRED', T_END_REASON, 'day_closed', T_EXPIRED_AT, now)
    add_step(key, 'EXPIRE', now, 'system', v[2] or nil, v[3])
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
    local date = redis.call('HGET', tprefix .. current, T_SERVICE_DATE)
    if not date or date <= ARGV[2] then redis.call('HDEL', counter, 'current') end
  end
  if (redis.call('HGET', counter, 'day') or '') <= ARGV[2] then
    redis.call('HSET', counter, 'priorityStreak', 0)
  end
end
for i = 1, nq do
  redis.call('DEL', KEYS[3 + nc + i], KEYS[3 + nc + i] .. WALK_INS_SUFFIX)
end
local total = tonumber(redis.call('HGET', KEYS[2], 'expired') or '0')
redis.call('HSET', KEYS[2], 'closedAt', now, 'expired', total)
emit(KEYS[3], ARGV[4], { type = 'day.closed', office = ARGV[1], at = now, date = ARGV[2], expired = total })
return result({ closed = true, expired = total })
