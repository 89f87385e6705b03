-- Records how a claimed send ended. Only the lease's owner may requeue or fail it (a worker whose
-- lease ran out has lost it to another); a send that Zalo accepted is recorded whoever owns it,
-- and leaves every set, so nobody sends it again.
-- KEYS: 1 the notification, 2 due, 3 leased, 4 failed, 5 no-zalo
-- ARGV: 1 tracking id, 2 owner, 3 SENT|RETRY|FAILED|NO_ZALO, 4 now (ms), 5 next due (ms, RETRY),
--       6 error ('' none), 7 Zalo's msg_id ('' none)
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  redis.call('ZREM', KEYS[3], ARGV[1])
  return result({ ok = false, reason = 'gone' })
end
local outcome = ARGV[3]
local now = ARGV[4]
if outcome == 'SENT' then
  redis.call('HSET', KEYS[1], 'status', 'SENT', 'sentAt', now, 'msgId', ARGV[7], 'owner', '', 'lastError', '',
    'updatedAt', now)
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  return result({ ok = true })
end
if status ~= 'SENDING' or redis.call('HGET', KEYS[1], 'owner') ~= ARGV[2] then
  return result({ ok = false, reason = 'lease lost', status = status })
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'owner', '', 'lastError', ARGV[6], 'updatedAt', now)
if outcome == 'RETRY' then
  redis.call('HSET', KEYS[1], 'status', 'PENDING')
  redis.call('ZADD', KEYS[2], tonumber(ARGV[5]), ARGV[1])
elseif outcome == 'NO_ZALO' then
  redis.call('HSET', KEYS[1], 'status', 'NO_ZALO', 'failedAt', now)
  redis.call('ZADD', KEYS[5], tonumber(now), ARGV[1])
else
  redis.call('HSET', KEYS[1], 'status', 'FAILED', 'failedAt', now)
  redis.call('ZADD', KEYS[4], tonumber(now), ARGV[1])
end
return result({ ok = true })
