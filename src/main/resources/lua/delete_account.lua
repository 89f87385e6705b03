-- Deletes an account and revokes every token issued to it, in one step.
-- KEYS: 1 account, 2 account names, 3 the account's token hashes
-- ARGV: 1 username, 2 token key prefix (same {auth} slot)
if redis.call('EXISTS', KEYS[1]) == 0 then return result({ deleted = false }) end
for _, hash in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  redis.call('DEL', ARGV[2] .. hash)
end
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('SREM', KEYS[2], ARGV[1])
return result({ deleted = true })
