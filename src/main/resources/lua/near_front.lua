-- The checked-in appointment tickets among the first places of one field's queue, read in one
-- step after a call moved it: their numbers, booking codes and how many wait before each.
-- KEYS: 1 the field's queue of the day
-- ARGV: 1 places to look at (the first N), 2 ticket key prefix
local out = {}
for rank, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)) do
  local t = load_ticket(ARGV[2] .. id)
  if t and t.appt and t.status == 'WAITING' then
    out[#out + 1] = { number = t.number, code = t.appt, ahead = rank - 1 }
  end
end
return result({ near = out })
