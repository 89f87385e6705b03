-- Records a ticket's one rating, whichever channel comes first: the ticket must be DONE and inside
-- its rating window; HSETNX in the day's ratings decides, and the same step counts the rating in
-- every dimension of the day's rating counts. Both keys live as long as the day's history.
-- KEYS: 1 ticket, 2 ratings (day), 3 rating counts (day)
-- ARGV: 1 ticket id, 2 now ms, 3 window ms, 4 rating JSON, 5 history ttl s, 6.. count fields
local v = redis.call('HMGET', KEYS[1], T_STATUS, T_FINISHED_AT)
if not v[1] then return result({ error = 'ticket_not_found' }) end
local now = tonumber(ARGV[2])
if v[1] ~= 'DONE' or not v[2] or tonumber(v[2]) + tonumber(ARGV[3]) < now then
  return result({ error = 'not_rateable' })
end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[4]) == 0 then
  return result({ error = 'already_rated' })
end
local ttl = tonumber(ARGV[5])
if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ttl) end
for i = 6, #ARGV do
  redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
end
if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], ttl) end
return result({ rated = true })
