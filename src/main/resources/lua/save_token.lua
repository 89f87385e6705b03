-- Stores a token (by its hash) for its lifetime and files it under its account for revocation.
-- Refuses when the account has been deleted or disabled meanwhile.
-- KEYS: 1 token, 2 the account's token hashes, 3 account
-- ARGV: 1 principal JSON, 2 ttl s, 3 token hash
if redis.call('EXISTS', KEYS[3]) == 0 or redis.call('HGET', KEYS[3], 'disabled') == '1' then
  return result({ saved = false })
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
redis.call('SADD', KEYS[2], ARGV[3])
local ttl = redis.call('TTL', KEYS[2])
if ttl < tonumber(ARGV[2]) + 60 then redis.call('EXPIRE', KEYS[2], tonumber(ARGV[2]) + 60) end
return result({ saved = true })
