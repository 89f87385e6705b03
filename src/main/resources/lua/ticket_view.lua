-- One ticket with its steps and, while it waits, its place in line.
-- KEYS: 1 ticket
-- ARGV: 1 queue key prefix, 2 ticket id
local t = read_fields(KEYS[1], ANSWER_FIELDS)
if not t[T_STATUS] then return result({ error = 'ticket_not_found' }) end
local position = nil
if t[T_STATUS] == 'WAITING' then
  position = place_in(queue_of(ARGV[1], t[T_SERVICE_DATE], t[T_SERVICE]), ARGV[2])
end
t.steps = redis.call('LRANGE', KEYS[1] .. STEPS_SUFFIX, 0, -1)
return result({ ticket = answer_ticket(ARGV[2], t), position = position })
