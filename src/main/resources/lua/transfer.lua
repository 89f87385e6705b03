-- Sends the counter's current ticket to another service's queue, keeping its original arrival.
-- KEYS: 1 counter, 2 version, 3 target queue
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 allowed from (csv),
--       7 target service, 8 today's service date, 9 queue ttl s
local now = tonumber(ARGV[3])
local key, t = current_ticket(KEYS[1], ARGV[5], ARGV[6])
if not key then return t end
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
redis.call('ZADD', KEYS[3], queue_score(t), t.id)
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[9]))
save_ticket(key, t)
redis.call('HDEL', KEYS[1], 'current')
emit(KEYS[2], ARGV[4], { type = 'ticket.transferred', office = ARGV[1], at = now, ticket = public_ticket(t),
  counter = ARGV[2], from = from, queue = { service = t.service, waiting = waiting_count(KEYS[3]) } })
return result({ ticket = t, position = position_of(KEYS[3], t) })
