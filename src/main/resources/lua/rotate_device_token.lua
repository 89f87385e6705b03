-- Rotates a paired device's token on use, in one step, so that parallel requests (on any number of
-- servers) mint at most one fresh token a day per device. Only the device's current token rotates
-- (a device record without one, paired before rotation, takes any live token of it as current),
-- and only when it was issued (tokenAt, else pairedAt) at least ARGV[3] ms ago. Every other token of
-- the device is cut to the grace: its stored expiry (the server checks it against its clock) and its
-- key's TTL end at the latest ARGV[9] / ARGV[7]. The fresh token is filed under the account, so
-- unpairing or re-pairing revokes it and every token in grace at once.
-- KEYS: 1 device record, 2 the presented token, 3 the account's token hashes, 4 the fresh token, 5 account
-- ARGV: 1 presented token hash, 2 now (ms), 3 rotate after (ms), 4 fresh token hash, 5 fresh principal JSON,
--       6 fresh ttl s, 7 grace s, 8 token key prefix (same {auth} slot), 9 grace ends (ms)
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[5]) == 0
    or redis.call('EXISTS', KEYS[2]) == 0 then
  return result({ rotated = false })
end
local record = redis.call('HMGET', KEYS[1], 'token', 'tokenAt', 'pairedAt')
if record[1] and record[1] ~= ARGV[1] then
  return result({ rotated = false, reason = 'not_current' })
end
local now = tonumber(ARGV[2])
local since = tonumber(record[2] or record[3] or '0') or 0
if now - since < tonumber(ARGV[3]) then
  return result({ rotated = false, reason = 'fresh' })
end
local grace, grace_ends = tonumber(ARGV[7]), tonumber(ARGV[9])
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local key = ARGV[8] .. hash
  local raw = redis.call('GET', key)
  if not raw then
    redis.call('SREM', KEYS[3], hash)
  else
    local principal = cjson.decode(raw)
    if tonumber(principal.expiresAt) > grace_ends then
      principal.expiresAt = grace_ends
      redis.call('SET', key, cjson.encode(principal), 'EX', grace)
    end
  end
end
local ttl = tonumber(ARGV[6])
redis.call('SET', KEYS[4], ARGV[5], 'EX', ttl)
redis.call('SADD', KEYS[3], ARGV[4])
if redis.call('TTL', KEYS[3]) < ttl + 60 then redis.call('EXPIRE', KEYS[3], ttl + 60) end
redis.call('HSET', KEYS[1], 'token', ARGV[4], 'tokenAt', now)
return result({ rotated = true })
