-- lib: issue
-- Issues a walk-in ticket: next number of the day, into the service's queue, event published.
-- At an office open to anyone, also caps an anonymous address's open tickets in the field
-- (walkIn.openTicketsPerAddress). (The board's surge alert counts issuing in the JVM: QueueService.)
-- KEYS: 1 sequence, 2 ticket, 3 queue, 4 version, 5 day index, 6 open days, [7 idempotency],
--       then, at its ARGV index: [the address's walk-ins of the field and day]
-- ARGV: 1 office, 2 ticketId, 3 service, 4 priority ('' none), 5 now ms, 6 serviceDate,
--       7 prefix, 8 numberStart, 9 capacity, 10 digits, 11 source, 12 channel,
--       13 history ttl s, 14 idempotency ttl s, 15 ticket key prefix, 16 queue prefix,
--       17 '1' when KEYS[7] is the idempotency key, 18 KEYS index of the address's walk-ins ('' none),
--       19 their cap, 20 ttl s of that key,
--       -- fold: 21 KEYS index of the day's given predictions ('' none), 22 first place foretold,
--       23.. one prediction record per place (record_given, lib.lua); the answer's 'given' is the one recorded
local priority = ARGV[4] ~= '' and ARGV[4] or nil
local idempotency = ARGV[17] == '1' and KEYS[7] or nil
local walk_ins = ARGV[18] and ARGV[18] ~= '' and KEYS[tonumber(ARGV[18])] or nil

if idempotency then
  local replay = issue_replay(idempotency, ARGV[15], ARGV[16], ARGV[3], priority, nil)
  if replay then return replay end
end

-- the address's tickets of the field and day that are still open; finished ones leave the set here,
-- so that call-next and the other counter actions never touch it
if walk_ins then
  local open = 0
  for _, id in ipairs(redis.call('SMEMBERS', walk_ins)) do
    local held = load_ticket(ARGV[15] .. id)
    if held and (held.status == 'WAITING' or held.status == 'CALLED') then
      open = open + 1
    else
      redis.call('SREM', walk_ins, id)
    end
  end
  if open >= tonumber(ARGV[19]) then return result({ error = 'too_many_open_tickets' }) end
end

local t, err = issue_new({ sequence = KEYS[1], ticket = KEYS[2], queue = KEYS[3], version = KEYS[4],
  day = KEYS[5], open_days = KEYS[6] }, { office = ARGV[1], id = ARGV[2], service = ARGV[3], priority = priority,
  now = tonumber(ARGV[5]), date = ARGV[6], prefix = ARGV[7], number_start = ARGV[8], capacity = ARGV[9],
  digits = ARGV[10], source = ARGV[11], channel = ARGV[12], history_ttl = ARGV[13] })
if not t then return result(err) end
if idempotency then redis.call('SET', idempotency, t.id, 'EX', tonumber(ARGV[14])) end
if walk_ins then
  redis.call('SADD', walk_ins, t.id)
  redis.call('EXPIRE', walk_ins, tonumber(ARGV[20]))
end
local position = position_of(KEYS[3], t)
return result({ ticket = t, position = position, given = record_given(21, t.id, position, ARGV[13]) }) -- fold:
