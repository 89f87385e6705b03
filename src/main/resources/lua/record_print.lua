-- Records a print attempt with its ticket: the ticket's print fields (status, printer, reason, at),
-- a PRINT or PRINT_FAILED step while the ticket is open, the day's list of failed prints (a failure
-- is listed until a later print of the ticket succeeds) and the printer's last known state.
-- KEYS: 1 ticket, 2 the day's print failures (zset, score: when it failed), 3 printer states (hash)
-- ARGV: 1 ticketId, 2 printer id, 3 PRINTED|FAILED, 4 reason ('' when printed), 5 now ms, 6 by,
--       7 failures list lifetime s
local v = redis.call('HMGET', KEYS[1], T_STATUS, T_NUMBER, T_SERVICE)
local status = v[1]
if not status then return result({ error = 'ticket_not_found' }) end
local now = tonumber(ARGV[5])
local printed = ARGV[3] == 'PRINTED'
local reason = ARGV[4] ~= '' and ARGV[4] or nil
if reason then
  redis.call('HSET', KEYS[1], T_PRINT_STATUS, ARGV[3], T_PRINTER, ARGV[2], T_PRINT_REASON, reason, T_PRINT_AT, now)
else
  redis.call('HSET', KEYS[1], T_PRINT_STATUS, ARGV[3], T_PRINTER, ARGV[2], T_PRINT_AT, now)
  redis.call('HDEL', KEYS[1], T_PRINT_REASON)
end
-- a print that lands after the ticket ended adds no step: history reads steps after an end as a new stay
if status == 'WAITING' or status == 'CALLED' or status == 'SERVING' then
  add_step(KEYS[1], printed and 'PRINT' or 'PRINT_FAILED', now, ARGV[6], nil, v[3])
end
if printed then
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('ZADD', KEYS[2], now, ARGV[1])
  -- the list belongs to one service day: its life starts with its first entry, as the day's other keys
  if redis.call('ZCARD', KEYS[2]) == 1 then redis.call('EXPIRE', KEYS[2], tonumber(ARGV[7])) end
end
redis.call('HSET', KEYS[3], ARGV[2], cjson.encode({ status = printed and 'OK' or 'FAILED', reason = reason,
  at = now, number = v[2] }))
return result({ ok = true })
