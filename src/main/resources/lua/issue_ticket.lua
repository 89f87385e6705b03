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
--       7 prefix, 8 numberStart, 9 capacity, 10 digits, 11 source; only when an optional key is
--       passed (#KEYS > 6): 12 KEYS index of the idempotency key ('' none), 13 KEYS index of the
--       address's walk-ins ('' none), 14 their cap, 15 KEYS index of the citizen's day ('' none),
--       16 max per day, 17 max per field, 18 citizen day ttl ms, 19 card last4 ('' none);
--       -- fold: then (12, or 20 after the optional values) the first place foretold ('' or absent:
--       none), and one prediction record per place from it (issue_new, lib_issue.lua: the ticket's
--       place's is written into its hash); the answer's 'given' is it.
-- The events channel and the keys' lifetimes are the server's constants (LuaSource.constants); the
-- office's ticket and queue key prefixes are the given keys' (KEYS 2 less the id, KEYS 3 less
-- "<date>:<service>"), taken only by the rare paths that need them.
local priority = ARGV[4] ~= '' and ARGV[4] or nil
local fold = 12
local idempotency, walk_ins, citizen, card
if #KEYS > 6 then
  fold = 20
  idempotency = ARGV[12] ~= '' and KEYS[ARGV[12] + 0] or nil
  walk_ins = ARGV[13] ~= '' and KEYS[ARGV[13] + 0] or nil
  citizen = ARGV[15] ~= '' and KEYS[ARGV[15] + 0] or nil
  card = citizen and ARGV[19] or nil
end
local ticket_prefix = (idempotency or walk_ins) and string.sub(KEYS[2], 1, #KEYS[2] - #ARGV[2])

if idempotency then
  local replay = issue_replay(idempotency, ticket_prefix, string.sub(KEYS[3], 1, #KEYS[3] - #ARGV[6] - #ARGV[3] - 1),
    ARGV[3], priority, card)
  if replay then return replay end
end

-- the address's tickets of the field and day that are still open; finished ones leave the set here,
-- so that call-next and the other counter actions never touch it
if walk_ins then
  local open = 0
  for _, id in ipairs(redis.call('SMEMBERS', walk_ins)) do
    local status = redis.call('HGET', ticket_prefix .. id, T_STATUS)
    if status == 'WAITING' or status == 'CALLED' then
      open = open + 1
    else
      redis.call('SREM', walk_ins, id)
    end
  end
  if open >= ARGV[14] + 0 then return result({ error = 'too_many_open_tickets' }) end
end

if citizen then
  local counted = redis.call('HVALS', citizen)
  if #counted >= ARGV[16] + 0 then return result({ error = 'limit_reached', status = 'day' }) end
  local same = 0
  for _, f in ipairs(counted) do if f == ARGV[3] then same = same + 1 end end
  if same >= ARGV[17] + 0 then return result({ error = 'limit_reached', status = 'field' }) end
end

local t, place, given = issue_new(1, ARGV[1], ARGV[2], ARGV[3], priority, ARGV[5], ARGV[6], ARGV[7], ARGV[8],
  ARGV[9], ARGV[10], ARGV[11], nil, nil, nil, card, fold)
if not t then return result(place) end
if idempotency then redis.call('SET', idempotency, ARGV[2], 'EX', IDEMPOTENCY_TTL) end
if walk_ins then
  redis.call('SADD', walk_ins, ARGV[2])
  redis.call('EXPIRE', walk_ins, WALK_IN_TTL)
end
if citizen then
  redis.call('HSET', citizen, 't:' .. ARGV[2], ARGV[3])
  redis.call('PEXPIRE', citizen, ARGV[18])
end
return '{"ticket":' .. t .. ',"position":' .. place .. (given and (',"given":"' .. given .. '"}') or '}')
