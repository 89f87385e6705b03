-- Takes one counted request back from a one-minute window (a log-in that succeeded). Never goes
-- below zero and never creates the window: a DECR on a missing key would leave a key without TTL.
-- KEYS: 1 window
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then return tostring(redis.call('DECR', KEYS[1])) end
return '0'
