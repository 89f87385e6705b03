-- Counts one look-up by booking code of a client address in its window and reserves one failure,
-- which the server gives back (rate_refund.lua) when the code was found: a look-up is a failure
-- until proven otherwise, so parallel guesses cannot slip past the failure budget. Once the
-- failures reach their budget the address is refused for the rest of the window (refusals are
-- counted on the failures key, so the server can tell the first refusal: limit + 1).
-- KEYS: 1 the address's look-ups, 2 the address's failures (both tagged with the address: one slot)
-- ARGV: 1 look-ups budget, 2 failures budget, 3 window ttl s
-- Returns 'ok:<failures>', 'failures:<n>' or 'address:<n>'.
local ttl = tonumber(ARGV[3])
local failed = tonumber(redis.call('GET', KEYS[2]) or '0')
if failed >= tonumber(ARGV[2]) then
  return 'failures:' .. redis.call('INCR', KEYS[2])
end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ttl) end
if n > tonumber(ARGV[1]) then
  return 'address:' .. n
end
local f = redis.call('INCR', KEYS[2])
if f == 1 then redis.call('EXPIRE', KEYS[2], ttl) end
return 'ok:' .. f
