-- Notes when a paired device was last seen, at most once per interval (every server throttles its
-- own calls too, so this runs about once a minute per device, never per request).
-- KEYS: 1 device record
-- ARGV: 1 now (ms), 2 interval (ms)
if redis.call('EXISTS', KEYS[1]) == 0 then return '0' end
local last = tonumber(redis.call('HGET', KEYS[1], 'lastSeenAt') or '0') or 0
if tonumber(ARGV[1]) - last < tonumber(ARGV[2]) then return '0' end
redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
return '1'
