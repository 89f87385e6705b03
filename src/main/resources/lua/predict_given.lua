-- Remembers the wait prediction a ticket's holder was given (at issue or check-in) until the
-- ticket is called (predict_settle.lua). The first one given stays: a replayed issue or a second
-- check-in does not change it. The day's hash lives as long as the day's history.
-- KEYS: 1 the day's given predictions (hash). ARGV: 1 ticket id, 2 "ahead,p50 ms,p90 ms,raw p50 ms,raw p90 ms"
-- (shown, then the raw model's before calibration; entries written before calibration have only the
-- first three), 3 ttl s.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 and redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
return '1'
