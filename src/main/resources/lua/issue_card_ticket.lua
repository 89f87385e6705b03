-- lib: issue
-- Issues a walk-in ticket to a citizen whose CCCD card the kiosk read, counted in the citizen's
-- per-day limits shared with bookings (book.lua counts the same hash's HVALS: one field code per
-- booking or walk-in): over the day's or the field's limit nothing is issued. The ticket keeps the
-- card's last four digits only. issue_ticket.lua's steps otherwise.
-- KEYS: 1 sequence, 2 ticket, 3 queue, 4 version, 5 day index, 6 open days, 7 citizen day (CCCD hash),
--       [8 idempotency]
-- ARGV: 1..16 as issue_ticket.lua, 17 max per day, 18 max per field, 19 citizen day ttl ms, 20 card last4,
--       -- fold: 21.. as issue_ticket.lua's (the wait prediction recorded with the ticket; answer 'given')
local priority = ARGV[4] ~= '' and ARGV[4] or nil
-- fold: KEYS[8] is the idempotency key unless it is the given predictions' (ARGV[21] names that one)
local idempotency = ARGV[21] ~= '8' and KEYS[8] or nil

if idempotency then
  local replay = issue_replay(idempotency, ARGV[15], ARGV[16], ARGV[3], priority, ARGV[20])
  if replay then return replay end
end

local counted = redis.call('HVALS', KEYS[7])
if #counted >= tonumber(ARGV[17]) then return result({ error = 'limit_reached', status = 'day' }) end
local same = 0
for _, f in ipairs(counted) do if f == ARGV[3] then same = same + 1 end end
if same >= tonumber(ARGV[18]) then return result({ error = 'limit_reached', status = 'field' }) end

local t, err = issue_new({ sequence = KEYS[1], ticket = KEYS[2], queue = KEYS[3], version = KEYS[4],
  day = KEYS[5], open_days = KEYS[6] }, { office = ARGV[1], id = ARGV[2], service = ARGV[3], priority = priority,
  now = tonumber(ARGV[5]), date = ARGV[6], prefix = ARGV[7], number_start = ARGV[8], capacity = ARGV[9],
  digits = ARGV[10], source = ARGV[11], channel = ARGV[12], history_ttl = ARGV[13] })
if not t then return result(err) end
t.cardLast4 = ARGV[20]
redis.call('SET', KEYS[2], cjson.encode(t), 'EX', tonumber(ARGV[13]))
redis.call('HSET', KEYS[7], 't:' .. t.id, ARGV[3])
redis.call('PEXPIRE', KEYS[7], ARGV[19])
if idempotency then redis.call('SET', idempotency, t.id, 'EX', tonumber(ARGV[14])) end -- fold: was KEYS[8]
local position = position_of(KEYS[3], t)
return result({ ticket = t, position = position, given = record_given(21, t.id, position, ARGV[13]) }) -- fold:
