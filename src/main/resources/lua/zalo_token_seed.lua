-- Takes ZALO_REFRESH_TOKEN as the refresh token when it is new to the store (its SHA-256 differs
-- from the one recorded): a first start, or an operator who issued a fresh token after the stored
-- one was lost. Otherwise the stored, rotated pair is kept (the env's token was spent long ago).
-- KEYS: 1 tokens (hash)
-- ARGV: 1 SHA-256 of the env token, 2 the env token
if redis.call('HGET', KEYS[1], 'seed') == ARGV[1] then return result({ seeded = false }) end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'seed', ARGV[1], 'refresh', ARGV[2])
return result({ seeded = true })
