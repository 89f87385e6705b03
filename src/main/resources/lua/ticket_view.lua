-- lib: ticket
-- One ticket with its steps and, while it waits, its place in line: the whole hash but the
-- booking code and the card's digits, and the steps list.
-- With KEYS[2], the answer also names the live version and epoch the place was read at ("live"),
-- so a ticket page can keep its place exact from the deltas after that version (phones).
-- KEYS: 1 ticket, [2 the office's live version]
-- ARGV: 1 queue key prefix, 2 ticket id
local t = hash_of(redis.call('HGETALL', KEYS[1]))
if not t[T_STATUS] then return result({ error = 'ticket_not_found' }) end
local position = nil
if t[T_STATUS] == 'WAITING' then
  position = place_in(queue_of(ARGV[1], t[T_SERVICE_DATE], t[T_SERVICE]), ARGV[2])
end
t[T_APPT], t[T_CARD_LAST4] = nil, nil
t.steps = redis.call('LRANGE', KEYS[1] .. STEPS_SUFFIX, 0, -1)
local live = nil
if KEYS[2] then
  live = { version = tonumber(redis.call('GET', KEYS[2]) or '0'), epoch = redis.call('GET', KEYS[2] .. ':epoch') or nil }
end
return result({ ticket = answer_ticket(ARGV[2], t), position = position, live = live })
