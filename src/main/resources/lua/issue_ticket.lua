-- lib: issue
-- Issues a walk-in ticket: next number of the day, into the field's queue, event published. The
-- one issuing script: at an office open to anyone it also caps an anonymous address's open tickets
-- in the field (walkIn.openTicketsPerAddress); for a citizen whose CCCD card the kiosk read it
-- counts the ticket in the citizen's per-day limits shared with bookings (book.lua counts the same
-- hash's HVALS: one field code per booking or walk-in; over the day's or the field's limit nothing
-- is issued) and keeps the card's last four digits only. (The board's surge alert counts issuing
-- in the JVM: QueueService.)
-- KEYS: 1 sequence, 2 ticket, 3 queue, 4 version, 5 day index, 6 open days, then the optional keys
--       at the KEYS index their ARGV names: idempotency, the address's walk-ins of the field and
--       day, the citizen's day (CCCD hash)
-- ARGV: 1 office, 2 ticketId, 3 service, 4 priority ('' none), 5 now ms, 6 serviceDate,
--       7 prefix, 8 numberStart, 9 capacity, 10 digits, 11 source, 12 channel,
--       13 history ttl s, 14 idempotency ttl s, 15 ticket key prefix, 16 queue prefix,
--       17 KEYS index of the idempotency key ('' none), 18 KEYS index of the address's walk-ins
--       ('' none), 19 their cap, 20 ttl s of that key, 21 KEYS index of the citizen's day ('' none),
--       22 max per day, 23 max per field, 24 citizen day ttl ms, 25 card last4 ('' none),
--       -- fold: 26 first place foretold ('' none), 27.. one prediction record per place (issue_new,
--       lib_issue.lua: the ticket's place's is written into its hash); the answer's 'given' is it
local priority = ARGV[4] ~= '' and ARGV[4] or nil
local idempotency = ARGV[17] ~= '' and KEYS[tonumber(ARGV[17])] or nil
local walk_ins = ARGV[18] and ARGV[18] ~= '' and KEYS[tonumber(ARGV[18])] or nil
local citizen = ARGV[21] and ARGV[21] ~= '' and KEYS[tonumber(ARGV[21])] or nil
local card = citizen and ARGV[25] or nil

if idempotency then
  local replay = issue_replay(idempotency, ARGV[15], ARGV[16], ARGV[3], priority, card)
  if replay then return replay end
end

-- the address's tickets of the field and day that are still open; finished ones leave the set here,
-- so that call-next and the other counter actions never touch it
if walk_ins then
  local open = 0
  for _, id in ipairs(redis.call('SMEMBERS', walk_ins)) do
    local status = redis.call('HGET', ARGV[15] .. id, T_STATUS)
    if status == 'WAITING' or status == 'CALLED' then
      open = open + 1
    else
      redis.call('SREM', walk_ins, id)
    end
  end
  if open >= tonumber(ARGV[19]) then return result({ error = 'too_many_open_tickets' }) end
end

if citizen then
  local counted = redis.call('HVALS', citizen)
  if #counted >= tonumber(ARGV[22]) then return result({ error = 'limit_reached', status = 'day' }) end
  local same = 0
  for _, f in ipairs(counted) do if f == ARGV[3] then same = same + 1 end end
  if same >= tonumber(ARGV[23]) then return result({ error = 'limit_reached', status = 'field' }) end
end

local t, place, given = issue_new(1, ARGV[1], ARGV[2], ARGV[3], priority, ARGV[5], ARGV[6], ARGV[7], ARGV[8],
  ARGV[9], ARGV[10], ARGV[11], ARGV[12], ARGV[13], nil, nil, nil, card, 26)
if not t then return result(place) end
if idempotency then redis.call('SET', idempotency, ARGV[2], 'EX', tonumber(ARGV[14])) end
if walk_ins then
  redis.call('SADD', walk_ins, ARGV[2])
  redis.call('EXPIRE', walk_ins, tonumber(ARGV[20]))
end
if citizen then
  redis.call('HSET', citizen, 't:' .. ARGV[2], ARGV[3])
  redis.call('PEXPIRE', citizen, ARGV[24])
end
return '{"ticket":' .. t .. ',"position":' .. place .. (given and (',"given":"' .. given .. '"}') or '}')
