-- Stores a refreshed pair, only if the refresh token used is still the stored one (compare and set):
-- a server whose lock ran out mid-refresh cannot overwrite a newer pair with an older one.
-- KEYS: 1 tokens (hash)
-- ARGV: 1 refresh token used, 2 new access token, 3 its expiry (ms), 4 new refresh token
if redis.call('HGET', KEYS[1], 'refresh') ~= ARGV[1] then return result({ saved = false }) end
redis.call('HSET', KEYS[1], 'access', ARGV[2], 'accessExpiresAt', ARGV[3], 'refresh', ARGV[4])
return result({ saved = true })
