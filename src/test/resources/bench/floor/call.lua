-- The floor of a call-next (vn.layso.bench.FloorServer): the least a call-next must do inside Redis
-- in one atomic step. The earliest head of the counter's fields' queues taken (ZRANGE each, ZREM
-- the one), the fields the answer shows read, the ticket and the counter written, the office's
-- version, the event published; answers "<id> <number> <service> <issuedAt>", or nil (204) when
-- nothing waits. No weights, priority rows, walk-in index, step list, previous ticket's end, event
-- log (XADD), recent calls or "turn is near".
-- KEYS: 1 counter, 2 version, 3.. the counter's queues; ARGV: 1 counter id, 2 now ms, 3 ticket key
-- prefix, 4 office
local best, best_score, best_queue
for i = 3, #KEYS do
  local head = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if head[1] then
    local score = tonumber(head[2])
    if not best or score < best_score then best, best_score, best_queue = head[1], score, KEYS[i] end
  end
end
if not best then return false end
redis.call('ZREM', best_queue, best)
local key = ARGV[3] .. best
local t = redis.call('HMGET', key, 'number', 'service', 'issuedAt')
redis.call('HSET', key, 'status', 'CALLED', 'counter', ARGV[1], 'calledAt', ARGV[2])
redis.call('HSET', KEYS[1], 'current', best, 'since', ARGV[2])
local v = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', 'floor:events', '{"type":"ticket.called","office":"' .. ARGV[4] .. '","at":' .. ARGV[2]
  .. ',"counter":"' .. ARGV[1] .. '","ticket":{"number":"' .. t[1] .. '","service":"' .. t[2]
  .. '","status":"CALLED","counter":"' .. ARGV[1] .. '","recalls":0,"priority":false},"version":' .. v
  .. ',"epoch":"floor"}')
return best .. ' ' .. t[1] .. ' ' .. t[2] .. ' ' .. t[3]
