-- Sends the counter's current ticket to another service's queue, keeping its original arrival.
-- KEYS: 1 counter, 2 version, 3 target normal queue, 4 target priority queue
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 allowed from (csv),
--       7 target service, 8 today's service date, 9 queue ttl s
local now = tonumber(ARGV[3])
local current = redis.call('HGET', KEYS[1], 'current')
if not current then return result({ error = 'no_current_ticket' }) end
local key = ARGV[5] .. current
local t = load_ticket(key)
if not t then
  redis.call('HDEL', KEYS[1], 'current')
  return result({ error = 'no_current_ticket' })
end
if not contains(ARGV[6], t.status) then
  return result({ error = 'invalid_transition', status = t.status })
end
if t.service == ARGV[7] then return result({ error = 'same_service' }) end
local from = t.service
t.transferredFrom = t.transferredFrom or from
t.service = ARGV[7]
t.status = 'WAITING'
t.counter = nil
t.calledAt = nil
t.startedAt = nil
t.recalls = 0
t.transferredAt = now
t.serviceDate = ARGV[8]
local queue = t.priority and KEYS[4] or KEYS[3]
redis.call('ZADD', queue, arrival_score(t), t.id)
redis.call('EXPIRE', queue, tonumber(ARGV[9]))
save_ticket(key, t)
redis.call('HDEL', KEYS[1], 'current')
emit(KEYS[2], ARGV[4], { type = 'ticket.transferred', office = ARGV[1], at = now, ticket = public_ticket(t),
  counter = ARGV[2], from = from, queue = { service = t.service, waiting = waiting_count(KEYS[3], KEYS[4]) } })
return result({ ticket = t, position = position_of(KEYS[3], KEYS[4], t) })
