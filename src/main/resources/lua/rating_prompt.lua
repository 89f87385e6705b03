-- The ticket a counter completed last on one service day (or, given a number, that ticket only if
-- it is the one completed last), and whether it is rated: for the counter's rating tablet and the
-- Zalo invitation. The steps that complete a ticket at a counter (counter_transition.lua's
-- COMPLETE, call_next.lua ending a SERVING ticket) keep its id in the counter's hash ('lastDone'),
-- so this reads one ticket; the checks below hold against a field left from another day or a
-- ticket that has expired since.
-- KEYS: 1 counter, 2 ratings (day)
-- ARGV: 1 ticket key prefix, 2 counter id, 3 service date (yyyyMMdd), 4 number ('' for the last one)
local id = redis.call('HGET', KEYS[1], 'lastDone')
if not id then return '{"ticket":null}' end
local raw = redis.call('GET', ARGV[1] .. id)
if not raw then return '{"ticket":null}' end
local t = cjson.decode(raw)
if t.status ~= 'DONE' or t.counter ~= ARGV[2] or t.serviceDate ~= ARGV[3]
    or (ARGV[4] ~= '' and t.number ~= ARGV[4]) then
  return '{"ticket":null}'
end
local rated = redis.call('HEXISTS', KEYS[2], t.id) == 1
return '{"rated":' .. tostring(rated) .. ',"appt":' .. cjson.encode(t.appt or '') .. ',"ticket":' .. raw .. '}'
