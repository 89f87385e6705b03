-- Claims the notifications that are due, atomically, for one worker: each leaves the due set for
-- the leased set (score: when the lease ends), is marked SENDING with the worker as owner, and
-- counts an attempt. Leases that ran out (a worker that crashed or lost Redis mid-send) go back to
-- due first, so another server picks them up. Two workers never hold the same notification.
-- KEYS: 1 due (zset), 2 leased (zset)
-- ARGV: 1 now (ms), 2 lease until (ms), 3 how many at most, 4 owner, 5 notification key prefix
local now = tonumber(ARGV[1])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)) do
  local key = ARGV[5] .. id
  redis.call('ZREM', KEYS[2], id)
  if redis.call('HGET', key, 'status') == 'SENDING' then
    redis.call('HSET', key, 'status', 'PENDING', 'owner', '', 'lastError', 'lease_expired', 'updatedAt', now)
    redis.call('ZADD', KEYS[1], now, id)
  end
end
local items = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  local key = ARGV[5] .. id
  redis.call('ZREM', KEYS[1], id)
  if redis.call('HGET', key, 'status') == 'PENDING' then
    local attempts = redis.call('HINCRBY', key, 'attempts', 1)
    redis.call('HSET', key, 'status', 'SENDING', 'owner', ARGV[4], 'updatedAt', now)
    redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), id)
    local h = redis.call('HMGET', key, 'phone', 'template', 'data', 'group', 'notBefore')
    items[#items + 1] = { id = id, phone = h[1], template = h[2], data = h[3], group = h[4],
                          notBefore = tonumber(h[5]), attempts = attempts }
  end
end
return result({ items = items })
