-- Puts a notification in the outbox once per tracking id: a second enqueue of the same event
-- changes nothing and says so (a CANCELLED one is replaced: a booking moved back to its old slot
-- gets its reminders again). The record expires after the retention (personal data).
-- KEYS: 1 the notification (hash), 2 due (zset), 3 its group's set ('' group: not indexed)
-- ARGV: 1 tracking id, 2 group ('' none), 3 phone +84…, 4 template key, 5 data (JSON),
--       6 not before (ms), 7 now (ms), 8 retention after not-before (s)
local status = redis.call('HGET', KEYS[1], 'status')
if status and status ~= 'CANCELLED' then
  return result({ created = false, status = status })
end
local not_before = tonumber(ARGV[6])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'group', ARGV[2], 'phone', ARGV[3], 'template', ARGV[4],
  'data', ARGV[5], 'notBefore', not_before, 'status', 'PENDING', 'attempts', 0, 'createdAt', ARGV[7],
  'updatedAt', ARGV[7])
local ttl = math.max(0, math.floor((not_before - tonumber(ARGV[7])) / 1000)) + tonumber(ARGV[8])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('ZADD', KEYS[2], not_before, ARGV[1])
if ARGV[2] ~= '' then
  redis.call('SADD', KEYS[3], ARGV[1])
  if redis.call('TTL', KEYS[3]) < ttl then redis.call('EXPIRE', KEYS[3], ttl) end
end
return result({ created = true, status = 'PENDING' })
