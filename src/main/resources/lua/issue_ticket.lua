-- Issues a walk-in ticket: next number of the day, into the service's queue, event published.
-- KEYS: 1 sequence, 2 ticket, 3 queue, 4 version, 5 day index, 6 open days, [7 idempotency]
-- ARGV: 1 office, 2 ticketId, 3 service, 4 priority ('' none), 5 now ms, 6 serviceDate,
--       7 prefix, 8 numberStart, 9 capacity, 10 digits, 11 source, 12 channel,
--       13 history ttl s, 14 idempotency ttl s, 15 ticket key prefix, 16 queue prefix
local priority = ARGV[4] ~= '' and ARGV[4] or nil

if KEYS[7] then
  local existing_id = redis.call('GET', KEYS[7])
  if existing_id then
    local t = load_ticket(ARGV[15] .. existing_id)
    if t then
      local first = t.steps and t.steps[1] and t.steps[1].service or t.service
      if first ~= ARGV[3] or t.priority ~= priority then
        return result({ error = 'idempotency_key_reused' })
      end
      return result({ ticket = t, position = position_of(queue_of(ARGV[16], t), t), replayed = true })
    end
  end
end

local capacity = tonumber(ARGV[9])
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= capacity then
  return result({ error = 'numbers_exhausted' })
end
local history_ttl = tonumber(ARGV[13])
local seq = redis.call('INCR', KEYS[1])
-- the first number of a field's day starts the day's keys' lives (a few times a day, not per ticket)
if seq == 1 then
  redis.call('EXPIRE', KEYS[1], history_ttl)
  redis.call('SADD', KEYS[6], ARGV[6])
end

local number = ARGV[7] .. string.format('%0' .. ARGV[10] .. 'd', tonumber(ARGV[8]) + seq - 1)
local now = tonumber(ARGV[5])
local t = { id = ARGV[2], office = ARGV[1], number = number, service = ARGV[3], status = 'WAITING',
            priority = priority, issuedAt = now, serviceDate = ARGV[6], seq = seq, recalls = 0,
            source = ARGV[11] }
add_step(t, 'ISSUE', now, ARGV[11], nil, nil)
redis.call('SET', KEYS[2], cjson.encode(t), 'EX', history_ttl)
redis.call('ZADD', KEYS[3], queue_score(t), t.id)
redis.call('ZADD', KEYS[5], now, t.id)
if seq == 1 then redis.call('EXPIRE', KEYS[5], history_ttl) end
if KEYS[7] then redis.call('SET', KEYS[7], t.id, 'EX', tonumber(ARGV[14])) end

local position = position_of(KEYS[3], t)
emit(KEYS[4], ARGV[12], { type = 'ticket.issued', office = ARGV[1], at = now, ticket = public_ticket(t),
  queue = { service = t.service, waiting = waiting_count(KEYS[3]) } })
return result({ ticket = t, position = position })
