-- The checked-in appointment tickets among the first places of one field's queue, read in one
-- step after a call moved it: their numbers, booking codes and how many wait before each.
-- KEYS: 1 the field's queue of the day
-- ARGV: 1 places to look at (the first N), 2 ticket key prefix
local out = {}
for rank, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)) do
  local v = redis.call('HMGET', ARGV[2] .. id, T_APPT, T_STATUS, T_NUMBER)
  if v[1] and v[2] == 'WAITING' then
    out[#out + 1] = { number = v[3], code = v[1], ahead = rank - 1 }
  end
end
return result({ near = out })
