-- Counts one request in a fixed one-minute window; returns the count so far.
-- KEYS: 1 window
-- ARGV: 1 window ttl s
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1])) end
return tostring(n)
