-- A ticket was called: the prediction its holder was given, if any, leaves the given hash and
-- goes with the actual wait into the day's outcomes (list of "ahead,p50,p90,rawP50,rawP90,actual", ms;
-- "ahead,p50,p90,actual" for predictions given before calibration), once:
-- a second call of the same ticket (after a transfer) finds nothing. The list lives as long as
-- the day's history from its first entry.
-- KEYS: 1 the day's given predictions (hash), 2 the day's outcomes (list).
-- ARGV: 1 ticket id, 2 actual wait ms, 3 ttl s. Returns '1' when recorded, '0' when nothing was given.
local given = redis.call('HGET', KEYS[1], ARGV[1])
if not given then return '0' end
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('RPUSH', KEYS[2], given .. ',' .. ARGV[2]) == 1 then
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[3]))
end
return '1'
