-- Sends the counter's current ticket to another service's queue, keeping its original arrival.
-- KEYS: 1 counter, 2 version, 3 target queue, 4 idempotency
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 allowed from (csv),
--       7 target service, 8 today's service date, 9 who pressed, 10 key given ('1'/'0'),
--       11 idempotency ttl s
local now = tonumber(ARGV[3])
return idempotent(KEYS[4], ARGV[10], 'TRANSFER:' .. ARGV[7], ARGV[11], function()
  local key, t = current_ticket(KEYS[1], ARGV[5], ARGV[6], ARGV[8])
  if not key then return t end
  if t.service == ARGV[7] then return { error = 'same_service' } end
  local from = t.service
  t.transferredFrom = t.transferredFrom or from
  t.service = ARGV[7]
  t.status = 'WAITING'
  t.counter = nil
  t.calledAt = nil
  t.startedAt = nil
  t.recalls = 0
  t.transferredAt = now
  add_step(t, 'TRANSFER', now, ARGV[9], ARGV[2], from)
  redis.call('ZADD', KEYS[3], queue_score(t), t.id)
  save_ticket(key, t)
  redis.call('HDEL', KEYS[1], 'current')
  -- phones: the place the ticket took in its new field (queue.place)
  local place = position_of(KEYS[3], t)
  emit(KEYS[2], ARGV[4], { type = 'ticket.transferred', office = ARGV[1], at = now, ticket = public_ticket(t),
    counter = ARGV[2], from = from, queue = { service = t.service, waiting = waiting_count(KEYS[3]), place = place } })
  return { ticket = t, position = place }
end)
