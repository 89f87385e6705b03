-- Recall, start, complete, no-show: one transition of the counter's current ticket of today.
-- A completion counts towards the counter's served total of the day and its service time
-- statistics (in the counter's hash: service_time_fields, lib.lua) in the same step, and becomes
-- the counter's last completed ticket ('lastDone' in its hash, read by rating_prompt.lua), written
-- by the same HSET.
-- KEYS: 1 counter, 2 version, 3 unused (was the recent calls: read from the event log now), 4 idempotency,
--       5 served counts (today)
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 action,
--       7 allowed from (csv), 8 target status, 9 event type, 10 timestamp field,
--       11 releases counter ('1'/'0'), 12 unused, 13 service date, 14 who pressed,
--       15 key given ('1'/'0'), 16 idempotency ttl s, 17 history ttl s
local now = tonumber(ARGV[3])
return idempotent(KEYS[4], ARGV[15], ARGV[6], ARGV[16], function()
  local key, t = current_ticket(KEYS[1], ARGV[5], ARGV[7], ARGV[13])
  if not key then return t end
  t.status = ARGV[8]
  t[ARGV[10]] = now
  if ARGV[6] == 'RECALL' then
    t.recalls = (t.recalls or 0) + 1
  end
  add_step(t, ARGV[6], now, ARGV[14], ARGV[2], nil)
  save_ticket(key, t)
  if ARGV[6] == 'COMPLETE' then
    count_served(KEYS[5], ARGV[2], tonumber(ARGV[17]))
    local old = redis.call('HMGET', KEYS[1], 't:' .. t.service, 'n:' .. t.service)
    local stats = service_time_fields(t, old[1], old[2])
    if stats then redis.call('HSET', KEYS[1], 'lastDone', t.id, unpack(stats))
    else redis.call('HSET', KEYS[1], 'lastDone', t.id) end
  end
  if ARGV[11] == '1' then redis.call('HDEL', KEYS[1], 'current') end
  emit(KEYS[2], ARGV[4], { type = ARGV[9], office = ARGV[1], at = now, ticket = public_ticket(t),
    counter = ARGV[2] })
  return { ticket = t }
end)
