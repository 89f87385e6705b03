-- One ticket with its place in line.
-- KEYS: 1 ticket
-- ARGV: 1 queue key prefix
local t = load_ticket(KEYS[1])
if not t then return result({ error = 'ticket_not_found' }) end
return result({ ticket = t, position = position_of(queue_of(ARGV[1], t), t) })
