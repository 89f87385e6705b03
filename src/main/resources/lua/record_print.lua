-- Records a print attempt with its ticket: the ticket's print mark (status, printer, reason, at),
-- a PRINT or PRINT_FAILED step while the ticket is open, the day's list of failed prints (a failure
-- is listed until a later print of the ticket succeeds) and the printer's last known state.
-- KEYS: 1 ticket, 2 the day's print failures (zset, score: when it failed), 3 printer states (hash)
-- ARGV: 1 ticketId, 2 printer id, 3 PRINTED|FAILED, 4 reason ('' when printed), 5 now ms, 6 by,
--       7 failures list lifetime s
local t = load_ticket(KEYS[1])
if not t then return result({ error = 'ticket_not_found' }) end
local now = tonumber(ARGV[5])
local printed = ARGV[3] == 'PRINTED'
local reason = ARGV[4] ~= '' and ARGV[4] or nil
t.print = { status = ARGV[3], printer = ARGV[2], reason = reason, at = now }
-- a print that lands after the ticket ended adds no step: history reads steps after an end as a new stay
if t.status == 'WAITING' or t.status == 'CALLED' or t.status == 'SERVING' then
  add_step(t, printed and 'PRINT' or 'PRINT_FAILED', now, ARGV[6], nil, nil)
end
save_ticket(KEYS[1], t)
if printed then
  redis.call('ZREM', KEYS[2], t.id)
else
  redis.call('ZADD', KEYS[2], now, t.id)
  -- the list belongs to one service day: its life starts with its first entry, as the day's other keys
  if redis.call('ZCARD', KEYS[2]) == 1 then redis.call('EXPIRE', KEYS[2], tonumber(ARGV[7])) end
end
redis.call('HSET', KEYS[3], ARGV[2], cjson.encode({ status = printed and 'OK' or 'FAILED', reason = reason,
  at = now, number = t.number }))
return result({ ok = true })
