-- lib: ticket
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
local key = ARGV[1] .. id
local t = hash_of(redis.call('HGETALL', key))
if t[T_STATUS] ~= 'DONE' or t[T_COUNTER] ~= ARGV[2] or t[T_SERVICE_DATE] ~= ARGV[3]
    or (ARGV[4] ~= '' and t[T_NUMBER] ~= ARGV[4]) then
  return '{"ticket":null}'
end
local appt = t[T_APPT] or ''
t[T_APPT], t[T_CARD_LAST4] = nil, nil
-- the steps too: the rating records who served (RatingService.servedBy)
t.steps = redis.call('LRANGE', key .. STEPS_SUFFIX, 0, -1)
return result({ rated = redis.call('HEXISTS', KEYS[2], id) == 1, appt = appt, ticket = answer_ticket(id, t) })
