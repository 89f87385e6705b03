-- Cancels what is still PENDING in a group (a cancelled or moved booking's reminders); what is
-- being sent or was sent stays as it is. Returns how many were cancelled.
-- KEYS: 1 the group's set, 2 due
-- ARGV: 1 notification key prefix, 2 now (ms)
local n = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[1] .. id
  if redis.call('HGET', key, 'status') == 'PENDING' then
    redis.call('HSET', key, 'status', 'CANCELLED', 'updatedAt', ARGV[2])
    redis.call('ZREM', KEYS[2], id)
    n = n + 1
  end
end
return result({ cancelled = n })
