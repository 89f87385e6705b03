-- lib: ticket
-- The office's live state at one epoch and version: counters with their current tickets, queue
-- lengths and the latest calls. Read in one step so the version matches the state. Only what a
-- lobby may see leaves (public_ticket; recent calls stored by an older release are cut to the
-- same fields). A missing epoch is started here as in emit (lib.lua), so every snapshot has one.
-- KEYS: 1 version, 2 recent calls, then counter keys (ARGV[1] of them), then one queue per service
-- ARGV: 1 counter count, 2 service count, 3 ticket key prefix, then counter ids, then service codes,
--       then the number of recent calls shown (the list may hold more: remember_call, lib.lua)
local nc, ns, tprefix = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local shown = tonumber(ARGV[4 + nc + ns])
local epoch = current_epoch(KEYS[1])
local out = { version = tonumber(redis.call('GET', KEYS[1]) or '0'), epoch = epoch, counters = {}, queues = {},
              recentCalls = {} }
for i = 1, nc do
  -- open: a staff member has the counter's session open (counter_session.lua); who is not public
  local state = redis.call('HMGET', KEYS[2 + i], 'paused', 'current', 'sessionBy')
  local c = { id = ARGV[3 + i], paused = state[1] == '1', open = state[3] ~= false }
  local current = state[2]
  if current then
    local v = redis.call('HMGET', tprefix .. current, T_NUMBER, T_SERVICE, T_STATUS, T_COUNTER, T_RECALLS, T_PRIORITY,
      T_SLOT)
    if v[1] then c.current = public_of(v[1], v[2], v[3], v[4], v[5], v[6], v[7]) end
  end
  out.counters[i] = c
end
for i = 1, ns do
  local q = KEYS[2 + nc + i]
  out.queues[ARGV[3 + nc + i]] = { waiting = waiting_count(q), priority = redis.call('ZCOUNT', q, '-inf', '(0') }
end
for i, raw in ipairs(redis.call('LRANGE', KEYS[2], 0, shown - 1)) do
  local call = cjson.decode(raw)
  out.recentCalls[i] = { number = call.number, counter = call.counter, service = call.service, at = call.at,
                         recalls = call.recalls, priority = call.priority == true }
end
return result(out)
