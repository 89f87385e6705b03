-- lib: ticket
-- A counter as its console shows it, read in one step: pause state with its reason and note,
-- the current ticket of today (an older one is not shown: the day closer expires it), today's
-- served count, the waiting count (and priority part) of each of its services, and its session
-- (who works at it since when: counter_session.lua).
-- KEYS: 1 counter, 2 served counts (today), then one queue per service
-- ARGV: 1 counterId, 2 ticket key prefix, 3 service date, 4 service count, then the service codes
local n = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'paused', 'pauseReason', 'pauseNote', 'pausedAt', 'pausedBy', 'current',
  'sessionBy', 'sessionSince')
local out = { paused = state[1] == '1', served = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0'),
              queues = {}, sessionBy = state[7] or nil, sessionSince = tonumber(state[8]) }
if out.paused then
  out.reason, out.note, out.pausedAt, out.pausedBy = state[2] or nil, state[3] or nil, tonumber(state[4]),
    state[5] or nil
end
if state[6] then
  local t = read_fields(ARGV[2] .. state[6], ANSWER_FIELDS)
  if t[T_SERVICE_DATE] == ARGV[3] and (t[T_STATUS] == 'CALLED' or t[T_STATUS] == 'SERVING') then
    out.ticket = answer_ticket(state[6], t)
  end
end
for i = 1, n do
  local q = KEYS[2 + i]
  out.queues[ARGV[4 + i]] = { waiting = waiting_count(q), priority = redis.call('ZCOUNT', q, '-inf', '(0') }
end
return result(out)
