-- Pairs a device (kiosk, lobby display, rating tablet) of an office, in one step: creates its DEVICE account, or
-- takes over the existing device of that name in the same office (a replaced kiosk) after revoking
-- every token it held, records its kind, and stores its one new token. A name held by a person's
-- account, or by another office's device, is refused.
-- KEYS: 1 account, 2 account names, 3 the account's token hashes, 4 device record, 5 the office's devices,
--       6 the new token
-- ARGV: 1 username, 2 password hash (of a random password nobody knows), 3 office, 4 kind,
--       5 paired at (ms), 6 token key prefix (same {auth} slot), 7 token principal JSON, 8 ttl s, 9 token hash,
--       10 counter (rating tablets; '' none)
local existed = redis.call('EXISTS', KEYS[1]) == 1
if existed then
  local account = redis.call('HMGET', KEYS[1], 'role', 'office')
  if account[1] ~= 'DEVICE' or account[2] ~= ARGV[3] then return result({ paired = false }) end
  for _, hash in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    redis.call('DEL', ARGV[6] .. hash)
  end
  redis.call('DEL', KEYS[3])
end
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'passwordHash', ARGV[2], 'role', 'DEVICE', 'office', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[4])
redis.call('HSET', KEYS[4], 'office', ARGV[3], 'kind', ARGV[4], 'pairedAt', ARGV[5])
if ARGV[10] ~= '' then redis.call('HSET', KEYS[4], 'counter', ARGV[10]) end
redis.call('SADD', KEYS[5], ARGV[1])
local ttl = tonumber(ARGV[8])
redis.call('SET', KEYS[6], ARGV[7], 'EX', ttl)
redis.call('SADD', KEYS[3], ARGV[9])
redis.call('EXPIRE', KEYS[3], ttl + 60)
return result({ paired = true, replaced = existed })
