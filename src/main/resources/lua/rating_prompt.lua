-- The ticket a counter completed last on one service day (or, given a number, that DONE ticket of
-- the counter), and whether it is rated: for the counter's rating tablet and the Zalo invitation.
-- Tickets are indexed by issue time, not by completion, so this reads the day's tickets, decoding
-- only those whose text names the counter and DONE (a busy day holds about 1,500 tickets). Two
-- completions in the same millisecond: the one called later was completed later.
-- KEYS: 1 day index, 2 ratings (day)
-- ARGV: 1 ticket key prefix, 2 counter id, 3 number ('' for the last one)
local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1)
local needle = '"counter":' .. cjson.encode(ARGV[2])
local number = ARGV[3]
local best, best_raw, best_at, best_called = nil, nil, -1, -1
for _, id in ipairs(ids) do
  local raw = redis.call('GET', ARGV[1] .. id)
  if raw and string.find(raw, '"status":"DONE"', 1, true) and string.find(raw, needle, 1, true)
      and (number == '' or string.find(raw, '"number":' .. cjson.encode(number), 1, true)) then
    local t = cjson.decode(raw)
    local at = tonumber(t.finishedAt) or -1
    local called = tonumber(t.calledAt) or -1
    if t.counter == ARGV[2] and t.status == 'DONE' and (number == '' or t.number == number)
        and (at > best_at or (at == best_at and called > best_called)) then
      best, best_raw, best_at, best_called = t, raw, at, called
    end
  end
end
if not best then return '{"ticket":null}' end
local rated = redis.call('HEXISTS', KEYS[2], best.id) == 1
return '{"rated":' .. tostring(rated) .. ',"appt":' .. cjson.encode(best.appt or '') .. ',"ticket":' .. best_raw .. '}'
