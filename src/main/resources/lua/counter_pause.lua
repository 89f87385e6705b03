-- Pauses or resumes a counter; a paused counter is not given tickets.
-- KEYS: 1 counter, 2 version, 3 idempotency
-- ARGV: 1 office, 2 counterId, 3 paused ('1'/'0'), 4 channel, 5 now ms, 6 who pressed,
--       7 key given ('1'/'0'), 8 idempotency ttl s
return idempotent(KEYS[3], ARGV[7], ARGV[3] == '1' and 'PAUSE' or 'RESUME', ARGV[8], function()
  local was = redis.call('HGET', KEYS[1], 'paused') or '0'
  if was == ARGV[3] then return { paused = was == '1', changed = false } end
  redis.call('HSET', KEYS[1], 'paused', ARGV[3], 'pausedBy', ARGV[6])
  emit(KEYS[2], ARGV[4], { type = ARGV[3] == '1' and 'counter.paused' or 'counter.resumed',
    office = ARGV[1], at = tonumber(ARGV[5]), counter = ARGV[2] })
  return { paused = ARGV[3] == '1', changed = true }
end)
