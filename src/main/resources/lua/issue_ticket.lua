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

local t, err = issue_new({ sequence = KEYS[1], ticket = KEYS[2], queue = KEYS[3], version = KEYS[4],
  day = KEYS[5], open_days = KEYS[6] }, { office = ARGV[1], id = ARGV[2], service = ARGV[3], priority = priority,
  now = tonumber(ARGV[5]), date = ARGV[6], prefix = ARGV[7], number_start = ARGV[8], capacity = ARGV[9],
  digits = ARGV[10], source = ARGV[11], channel = ARGV[12], history_ttl = ARGV[13] })
if not t then return result(err) end
if KEYS[7] then redis.call('SET', KEYS[7], t.id, 'EX', tonumber(ARGV[14])) end
return result({ ticket = t, position = position_of(KEYS[3], t) })
