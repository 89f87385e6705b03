-- Remembers the wait prediction a ticket's holder was given (at issue or check-in), for the day's
-- outcomes (call_next.lua records the actual wait; RedisPredictionStore joins the two). The first
-- one given stays: a replayed issue or a second check-in does not change it. The day's hash lives
-- as long as the day's history.
-- KEYS: 1 the day's given predictions (hash). ARGV: 1 ticket id, 2 "ahead,p50 ms,p90 ms,raw p50 ms,
-- raw p90 ms,field" (shown, then the raw model's before calibration, then the ticket's field; earlier
-- releases wrote the first five, or three), 3 ttl s.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 and redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
return '1'
