-- Opens or closes a counter's session: who works at the counter, and since when (the counter's
-- hash: sessionBy, sessionSince). Every open and close is logged in the day's counter log as
-- PAUSE/RESUME are ({counter, act, at, by, reason, since}); staff time is built from it.
-- Opening a counter another account holds takes it over: the other's session is closed first
-- (a CLOSE entry by that account, reason 'taken_over'). A close ends a pause (a RESUME entry) and
-- is refused while the counter holds a CALLED or SERVING ticket of today (counter_has_ticket,
-- with the ticket's number): it must be finished or transferred first. The public events
-- (counter.opened, counter.closed) name the counter only, never the account.
-- KEYS: 1 counter, 2 version, 3 idempotency, 4 counter log (today)
-- ARGV: 1 office, 2 counterId, 3 open ('1'/'0'), 4 channel, 5 now ms, 6 who pressed,
--       7 key given ('1'/'0'), 8 idempotency ttl s, 9 ticket key prefix, 10 service date,
--       11 history ttl s
local opening, now, who = ARGV[3] == '1', tonumber(ARGV[5]), ARGV[6]
local function log(entry)
  if redis.call('RPUSH', KEYS[4], cjson.encode(entry)) == 1 then
    redis.call('EXPIRE', KEYS[4], tonumber(ARGV[11]))
  end
end

return idempotent(KEYS[3], ARGV[7], opening and 'OPEN' or 'CLOSE', ARGV[8], function()
  local state = redis.call('HMGET', KEYS[1], 'sessionBy', 'sessionSince', 'current', 'paused', 'pauseReason',
    'pauseNote', 'pausedAt')
  local holder, since = state[1] or nil, tonumber(state[2])
  if opening then
    if holder == who then
      return { open = true, changed = false, by = holder, since = since }
    end
    local out = { open = true, changed = true, by = who, since = now }
    if holder then
      log({ counter = ARGV[2], act = 'CLOSE', at = now, by = holder, reason = 'taken_over', since = since })
      out.tookOverFrom = holder
    end
    log({ counter = ARGV[2], act = 'OPEN', at = now, by = who })
    redis.call('HSET', KEYS[1], 'sessionBy', who, 'sessionSince', now)
    emit(KEYS[2], ARGV[4], { type = 'counter.opened', office = ARGV[1], at = now, counter = ARGV[2] })
    return out
  end

  if state[3] then
    local v = redis.call('HMGET', ARGV[9] .. state[3], T_SERVICE_DATE, T_STATUS, T_NUMBER)
    if v[1] == ARGV[10] and (v[2] == 'CALLED' or v[2] == 'SERVING') then
      return { error = 'counter_has_ticket', number = v[3], status = v[2] }
    end
  end
  if not holder then
    return { open = false, changed = false }
  end
  if state[4] == '1' then
    log({ counter = ARGV[2], act = 'RESUME', at = now, by = who, reason = state[5] or nil, note = state[6] or nil,
          since = tonumber(state[7]) })
    redis.call('HSET', KEYS[1], 'paused', '0')
    redis.call('HDEL', KEYS[1], 'pauseReason', 'pauseNote', 'pausedAt')
    emit(KEYS[2], ARGV[4], { type = 'counter.resumed', office = ARGV[1], at = now, counter = ARGV[2] })
  end
  local entry = { counter = ARGV[2], act = 'CLOSE', at = now, by = holder, since = since }
  if holder ~= who then entry.reason, entry.closedBy = 'closed_by_other', who end
  log(entry)
  redis.call('HDEL', KEYS[1], 'sessionBy', 'sessionSince')
  emit(KEYS[2], ARGV[4], { type = 'counter.closed', office = ARGV[1], at = now, counter = ARGV[2] })
  return { open = false, changed = true, by = holder, since = since }
end)
