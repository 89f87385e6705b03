-- Recall, start, complete, no-show: one transition of the counter's current ticket.
-- KEYS: 1 counter, 2 version, 3 recent calls
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 action,
--       7 allowed from (csv), 8 target status, 9 event type, 10 timestamp field,
--       11 releases counter ('1'/'0'), 12 recent calls kept
local now = tonumber(ARGV[3])
local current = redis.call('HGET', KEYS[1], 'current')
if not current then return result({ error = 'no_current_ticket' }) end
local key = ARGV[5] .. current
local t = load_ticket(key)
if not t then
  redis.call('HDEL', KEYS[1], 'current')
  return result({ error = 'no_current_ticket' })
end
if not contains(ARGV[7], t.status) then
  return result({ error = 'invalid_transition', status = t.status })
end
t.status = ARGV[8]
t[ARGV[10]] = now
if ARGV[6] == 'RECALL' then
  t.recalls = (t.recalls or 0) + 1
  remember_call(KEYS[3], tonumber(ARGV[12]), t, now)
end
save_ticket(key, t)
if ARGV[11] == '1' then redis.call('HDEL', KEYS[1], 'current') end
emit(KEYS[2], ARGV[4], { type = ARGV[9], office = ARGV[1], at = now, ticket = public_ticket(t),
  counter = ARGV[2] })
return result({ ticket = t })
