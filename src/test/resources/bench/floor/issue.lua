-- The floor of an issue (vn.layso.bench.FloorServer): the least a walk-in issue must do inside
-- Redis in one atomic step. Next number of the field's day, the ticket's fields, its life, its
-- place in the field's queue, the office's version, the event published; answers "<number> <place>".
-- No idempotency, address cap, citizen limits, walk-in index, day index, event log (XADD) or
-- prediction record. Constants (TTL, channel) are in the text, not sent.
-- KEYS: 1 sequence, 2 ticket, 3 queue, 4 version; ARGV: 1 id, 2 now ms, 3 prefix, 4 service, 5 office
local seq = redis.call('INCR', KEYS[1])
local number = ARGV[3] .. string.format('%05d', seq)
redis.call('HSET', KEYS[2], 'number', number, 'service', ARGV[4], 'status', 'WAITING', 'issuedAt', ARGV[2],
  'seq', seq, 'source', 'walk-in')
redis.call('EXPIRE', KEYS[2], 2592000)
redis.call('ZADD', KEYS[3], ARGV[2] .. string.format('%03d', seq % 1000), ARGV[1])
local place = redis.call('ZCARD', KEYS[3])
local v = redis.call('INCR', KEYS[4])
redis.call('PUBLISH', 'floor:events', '{"type":"ticket.issued","office":"' .. ARGV[5] .. '","at":' .. ARGV[2]
  .. ',"ticket":{"number":"' .. number .. '","service":"' .. ARGV[4] .. '","status":"WAITING","recalls":0,'
  .. '"priority":false},"queue":{"service":"' .. ARGV[4] .. '","waiting":' .. place .. ',"place":' .. place
  .. '},"version":' .. v .. ',"epoch":"floor"}')
return number .. ' ' .. place
