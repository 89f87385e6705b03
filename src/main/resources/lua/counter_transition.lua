-- lib: ticket
-- lib: call
-- Recall, start, complete, no-show: one transition of the counter's current ticket of today: its
-- fields read (HMGET), the few it changes written, one step appended. A completion counts towards
-- the counter's served total of the day and its service time statistics (in the counter's hash:
-- service_time_fields, lib.lua) in the same step, and becomes the counter's last completed ticket
-- ('lastDone' in its hash, read by rating_prompt.lua), written by the same HSET.
-- KEYS: 1 counter, 2 version, 3 idempotency, 4 served counts (today)
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 action,
--       7 allowed from (csv), 8 target status, 9 event type, 10 timestamp field (a TicketFields name),
--       11 releases counter ('1'/'0'), 12 service date, 13 who pressed, 14 key given ('1'/'0'),
--       15 idempotency ttl s, 16 history ttl s
local now, action = tonumber(ARGV[3]), ARGV[6]
return idempotent(KEYS[3], ARGV[14], action, ARGV[15], function()
  local key, t, id = current_ticket(KEYS[1], ARGV[5], ARGV[7], ARGV[12], ANSWER_FIELDS)
  if not key then return t end
  local stamp = ARGV[10]
  t[T_STATUS] = ARGV[8]
  t[stamp] = now
  if action == 'RECALL' then
    t[T_RECALLS] = (tonumber(t[T_RECALLS]) or 0) + 1
    redis.call('HSET', key, T_STATUS, ARGV[8], stamp, now, T_RECALLS, t[T_RECALLS])
  else
    redis.call('HSET', key, T_STATUS, ARGV[8], stamp, now)
  end
  add_step(key, action, now, ARGV[13], ARGV[2], t[T_SERVICE])
  if action == 'COMPLETE' then
    count_served(KEYS[4], ARGV[2], tonumber(ARGV[16]))
    local service = t[T_SERVICE]
    local old = redis.call('HMGET', KEYS[1], 't:' .. service, 'n:' .. service)
    local stats = service_time_fields(service, t[T_CALLED_AT], now, old[1], old[2])
    if stats then redis.call('HSET', KEYS[1], 'lastDone', id, unpack(stats))
    else redis.call('HSET', KEYS[1], 'lastDone', id) end
  end
  if ARGV[11] == '1' then redis.call('HDEL', KEYS[1], 'current') end
  emit(KEYS[2], ARGV[4], { type = ARGV[9], office = ARGV[1], at = now, ticket = public_fields(t), counter = ARGV[2] })
  return { ticket = answer_ticket(id, t) }
end)
