-- Puts an office's pending settings in force once their day has come (from <= today, both
-- yyyy-MM-dd in the office's zone): any number of servers may try at once, the first one applies.
-- KEYS: config, revision, pending. ARGV: today, office id, channel. Returns the new revision or 0.
local from = redis.call('HGET', KEYS[3], 'from')
if not from or from > ARGV[1] then
  return '0'
end
local revision = tonumber(redis.call('GET', KEYS[2]) or '1') + 1
redis.call('SET', KEYS[1], redis.call('HGET', KEYS[3], 'settings'))
redis.call('SET', KEYS[2], revision)
redis.call('DEL', KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[2])
return tostring(revision)
