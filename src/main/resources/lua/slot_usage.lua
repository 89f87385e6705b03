-- Places taken in each slot of a field's day: booked (the ledger) plus live holds.
-- KEYS: 1 slot ledger, 2.. slot holds, one per start in ARGV order
-- ARGV: 1 now ms, 2.. starts HH:mm
local now = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV do
  local booked = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  local holds = redis.call('ZCOUNT', KEYS[i], '(' .. now, '+inf')
  out[ARGV[i]] = booked + holds
end
return result(out)
