-- Pauses or resumes a counter; a paused counter is not given tickets. A pause may carry a reason
-- (a code from PauseReason.java) and a staff note; both stay with the counter's state until it
-- resumes, and every pause and resume is logged in the day's counter log. The public event names
-- the reason code only, never the note.
-- KEYS: 1 counter, 2 version, 3 idempotency, 4 counter log (today)
-- ARGV: 1 office, 2 counterId, 3 paused ('1'/'0'), 4 channel, 5 now ms, 6 who pressed,
--       7 key given ('1'/'0'), 8 idempotency ttl s, 9 reason ('' none), 10 note ('' none),
--       11 history ttl s
local pausing, now = ARGV[3] == '1', tonumber(ARGV[5])
local fingerprint = pausing and ('PAUSE:' .. ARGV[9] .. ':' .. ARGV[10]) or 'RESUME'
return idempotent(KEYS[3], ARGV[7], fingerprint, ARGV[8], function()
  local was = redis.call('HGET', KEYS[1], 'paused') or '0'
  local state = redis.call('HMGET', KEYS[1], 'pauseReason', 'pauseNote', 'pausedAt')
  if was == ARGV[3] then
    return { paused = pausing, changed = false, reason = state[1] or nil, note = state[2] or nil,
             pausedAt = tonumber(state[3]) }
  end
  local entry = { counter = ARGV[2], act = pausing and 'PAUSE' or 'RESUME', at = now, by = ARGV[6] }
  redis.call('HSET', KEYS[1], 'paused', ARGV[3], 'pausedBy', ARGV[6])
  local event = { type = pausing and 'counter.paused' or 'counter.resumed', office = ARGV[1], at = now,
                  counter = ARGV[2] }
  local out = { paused = pausing, changed = true }
  if pausing then
    redis.call('HSET', KEYS[1], 'pausedAt', now)
    redis.call('HDEL', KEYS[1], 'pauseReason', 'pauseNote')
    if ARGV[9] ~= '' then
      redis.call('HSET', KEYS[1], 'pauseReason', ARGV[9])
      entry.reason, event.reason, out.reason = ARGV[9], ARGV[9], ARGV[9]
    end
    if ARGV[10] ~= '' then
      redis.call('HSET', KEYS[1], 'pauseNote', ARGV[10])
      entry.note, out.note = ARGV[10], ARGV[10]
    end
    out.pausedAt = now
  else
    entry.reason, entry.note = state[1] or nil, state[2] or nil
    entry.since = tonumber(state[3])
    redis.call('HDEL', KEYS[1], 'pauseReason', 'pauseNote', 'pausedAt')
  end
  if redis.call('RPUSH', KEYS[4], cjson.encode(entry)) == 1 then
    redis.call('EXPIRE', KEYS[4], tonumber(ARGV[11]))
  end
  emit(KEYS[2], ARGV[4], event)
  return out
end)
