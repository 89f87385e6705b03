-- lib: ticket
-- The office's live state at one epoch and version: counters with their current tickets, queue
-- lengths and the latest calls. Read in one step so the version matches the state. Only what a
-- lobby may see leaves (public_ticket). A missing epoch is started here as in emit (lib.lua), so
-- every snapshot has one. The latest calls are the service day's ticket.called and
-- ticket.recalled entries of the office's event log (emit, lib.lua), newest first: read backwards
-- a page at a time, each entry only looked at (its type and time found in its JSON text, not
-- decoded) until enough calls are found or an entry is older than the day's start.
-- KEYS: 1 version, 2 the event log (Keys.eventLog), then counter keys (ARGV[1] of them),
--       then one queue per service
-- ARGV: 1 counter count, 2 service count, 3 ticket key prefix, then counter ids, then service codes,
--       then the number of recent calls shown, then the service day's start (epoch ms)
local nc, ns, tprefix = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local shown = tonumber(ARGV[4 + nc + ns])
local day_start = tonumber(ARGV[5 + nc + ns] or '0')
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

local PAGE = 64
local log_key, from, found, scanned, past = KEYS[2], '+', 0, 0, false
while found < shown and not past and scanned < 2 * EVENT_LOG_CAP do
  local page = redis.call('XREVRANGE', log_key, from, '-', 'COUNT', PAGE)
  for _, entry in ipairs(page) do
    local raw = entry[2][2]
    local at = tonumber(string.match(raw, '"at":(%d+)'))
    if at and at < day_start then
      past = true
      break
    end
    if string.find(raw, '"type":"ticket.called"', 1, true) or string.find(raw, '"type":"ticket.recalled"', 1, true) then
      local e = cjson.decode(raw)
      local t = e.ticket or {}
      found = found + 1
      out.recentCalls[found] = { number = t.number, counter = e.counter or t.counter, service = t.service, at = e.at,
                                 recalls = t.recalls, priority = t.priority == true }
      if found >= shown then break end
    end
  end
  scanned = scanned + #page
  if #page < PAGE then break end
  -- the next page ends just before this one's oldest entry (ids are 0-<version>)
  local oldest = tonumber(string.match(page[#page][1], '^0%-(%d+)$'))
  if not oldest or oldest <= 1 then break end
  from = '0-' .. (oldest - 1)
end
return result(out)
