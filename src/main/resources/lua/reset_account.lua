-- Sets an account's password as an explicit recovery, in one step: the account is re-created if
-- it was deleted (or enabled again if it was disabled), every token issued to it is revoked, and
-- the store counts as bootstrapped.
-- KEYS: 1 account, 2 account names, 3 the account's token hashes, 4 bootstrapped marker
-- ARGV: 1 username, 2 password hash, 3 role, 4 token key prefix (same {auth} slot)
local existed = redis.call('EXISTS', KEYS[1]) == 1
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  redis.call('DEL', ARGV[4] .. hash)
end
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'passwordHash', ARGV[2], 'role', ARGV[3])
redis.call('HDEL', KEYS[1], 'office', 'offices', 'disabled', 'mustChange')
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SET', KEYS[4], 'reset', 'NX')
return result({ created = not existed })
