-- An admin sends a dead letter again: FAILED becomes PENDING, due now, with its attempts reset.
-- KEYS: 1 the notification, 2 due, 3 failed
-- ARGV: 1 tracking id, 2 now (ms)
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return result({ error = 'notification_not_found' }) end
if status ~= 'FAILED' then return result({ error = 'notification_not_failed', status = status }) end
redis.call('HSET', KEYS[1], 'status', 'PENDING', 'attempts', 0, 'updatedAt', ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[1])
return result({ ok = true })
