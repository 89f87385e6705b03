-- Stores a round of balancing advice and publishes balance.advice when it changed, in one step, so
-- that any number of servers evaluating the same office publish each change once. A round is
-- stored only when it was computed from what is stored now (ARGV[1], the signature it read) or
-- says the same: a round based on an advice another server has replaced meanwhile is dropped
-- (the next round reads the new one). The same signature with new numbers is stored silently.
-- The advice is for staff only: it goes out on the staff channel, without a version (the public
-- stream's versions stay gapless), and reaches only live sockets a staff token authenticated.
-- KEYS: 1 balance
-- ARGV: 1 signature read, 2 new signature, 3 advice items (JSON array), 4 now (ms), 5 staff channel,
--       6 office, 7 ttl (s)
local stored = redis.call('HGET', KEYS[1], 'sig') or ''
if stored ~= ARGV[1] and stored ~= ARGV[2] then
  return result({ published = false, stale = true })
end
if stored == ARGV[2] then
  local advice = redis.call('HGET', KEYS[1], 'advice')
  if advice and advice ~= ARGV[3] then
    redis.call('HSET', KEYS[1], 'advice', ARGV[3])
    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
  end
  return result({ published = false })
end
local now = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'sig', ARGV[2], 'advice', ARGV[3], 'since', now)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
local items = cjson.decode(ARGV[3])
-- cjson writes an empty table as {}: an empty round says count 0 and leaves the list out
local event = { type = 'balance.advice', office = ARGV[6], at = now, count = #items }
if #items > 0 then event.advice = items end
redis.call('PUBLISH', ARGV[5], cjson.encode(event))
return result({ published = true })
