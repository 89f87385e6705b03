-- Unpairs a device of an office, in one step: revokes every token it holds and deletes its account
-- and record. Anything that is not a device of this office is left alone.
-- KEYS: 1 account, 2 account names, 3 the account's token hashes, 4 device record, 5 the office's devices
-- ARGV: 1 username, 2 office, 3 token key prefix (same {auth} slot)
local account = redis.call('HMGET', KEYS[1], 'role', 'office')
if account[1] ~= 'DEVICE' or account[2] ~= ARGV[2] then
  redis.call('SREM', KEYS[5], ARGV[1])
  return result({ unpaired = false })
end
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  redis.call('DEL', ARGV[3] .. hash)
end
redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
return result({ unpaired = true })
