-- lib: ticket
-- One ticket with its steps and, while it waits, its place in line: the whole hash but the
-- booking code and the card's digits, and the steps list.
-- KEYS: 1 ticket
-- ARGV: 1 queue key prefix, 2 ticket id
local t = hash_of(redis.call('HGETALL', KEYS[1]))
if not t[T_STATUS] then return result({ error = 'ticket_not_found' }) end
local position = nil
if t[T_STATUS] == 'WAITING' then
  position = place_in(queue_of(ARGV[1], t[T_SERVICE_DATE], t[T_SERVICE]), ARGV[2])
end
t[T_APPT], t[T_CARD_LAST4] = nil, nil
t.steps = redis.call('LRANGE', KEYS[1] .. STEPS_SUFFIX, 0, -1)
return result({ ticket = answer_ticket(ARGV[2], t), position = position })
