-- lib: ticket
-- lib: issue
-- Sends the counter's current ticket to another field's queue, keeping its original arrival (its
-- queue score is rebuilt from its issue time, sequence, priority and slot). The event carries the
-- place it took in the new field's queue (queue.place).
-- KEYS: 1 counter, 2 version, 3 target queue, 4 idempotency
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 allowed from (csv),
--       7 target service, 8 today's service date, 9 who pressed, 10 key given ('1'/'0'),
--       11 idempotency ttl s
local now = tonumber(ARGV[3])
local FIELDS = { T_STATUS, T_SERVICE_DATE, T_NUMBER, T_SERVICE, T_PRIORITY, T_ISSUED_AT, T_COUNTER,
  T_CALLED_AT, T_STARTED_AT, T_FINISHED_AT, T_RECALLS, T_SOURCE, T_END_REASON, T_SLOT, T_TRANSFERRED_FROM, T_WHY,
  T_SEQ, T_SLOT_START, T_FIRST_SERVICE }
return idempotent(KEYS[4], ARGV[10], 'TRANSFER:' .. ARGV[7], ARGV[11], function()
  local key, t, id = current_ticket(KEYS[1], ARGV[5], ARGV[6], ARGV[8], FIELDS)
  if not key then return t end
  local from, target = t[T_SERVICE], ARGV[7]
  if from == target then return { error = 'same_service' } end
  redis.call('HSET', key, T_SERVICE, target, T_STATUS, 'WAITING', T_TRANSFERRED_FROM, from, T_TRANSFERRED_AT, now)
  if not t[T_FIRST_SERVICE] then redis.call('HSET', key, T_FIRST_SERVICE, from) end
  redis.call('HDEL', key, T_COUNTER, T_CALLED_AT, T_STARTED_AT, T_RECALLS, T_RECALLED_AT)
  add_step(key, 'TRANSFER', now, ARGV[9], ARGV[2], target, from)
  enqueue(KEYS[3], id, queue_score(t[T_ISSUED_AT], t[T_SEQ], t[T_PRIORITY], t[T_SLOT_START]))
  redis.call('HDEL', KEYS[1], 'current')
  local place = place_in(KEYS[3], id)
  local out = { [T_STATUS] = 'WAITING', [T_SERVICE_DATE] = t[T_SERVICE_DATE], [T_NUMBER] = t[T_NUMBER],
    [T_SERVICE] = target, [T_PRIORITY] = t[T_PRIORITY], [T_ISSUED_AT] = t[T_ISSUED_AT], [T_SOURCE] = t[T_SOURCE],
    [T_SLOT] = t[T_SLOT], [T_TRANSFERRED_FROM] = from }
  emit(KEYS[2], ARGV[4], { type = 'ticket.transferred', office = ARGV[1], at = now, ticket = public_fields(out),
    counter = ARGV[2], from = from, queue = { service = target, waiting = waiting_count(KEYS[3]), place = place } })
  return { ticket = answer_ticket(id, out), position = place }
end)
