-- Saves an office's settings if its revision is still the one the manager edited (compare-and-set),
-- refusing to drop a field that still has citizens waiting today, in one step with the live state.
-- Java splits the document beforehand into what applies now and what waits for the next day; that
-- split assumed, for each field whose numbering changes, whether it issued numbers today: if that no
-- longer holds (a first ticket came in meanwhile) the answer is 'stale' and Java splits again.
-- KEYS: config, revision, pending, then the removed fields' queues of today, then the renumbered
-- fields' sequences of today. ARGV: expected revision, settings now, pending from ('' for none),
-- pending settings, pending reasons, office id, channel, #removed, #renumbered, the removed fields'
-- codes, then '1'/'0' per renumbered field (issued today, as assumed).
local expected = tonumber(ARGV[1])
local removed = tonumber(ARGV[8])
local renumbered = tonumber(ARGV[9])
if redis.call('EXISTS', KEYS[1]) == 0 then
  return cjson.encode({ result = 'missing' })
end
local current = tonumber(redis.call('GET', KEYS[2]) or '1')
if current ~= expected then
  return cjson.encode({ result = 'conflict', revision = current })
end
local waiting = {}
for i = 1, removed do
  local n = redis.call('ZCARD', KEYS[3 + i])
  if n > 0 then
    waiting[#waiting + 1] = { field = ARGV[9 + i], waiting = n }
  end
end
if #waiting > 0 then
  return cjson.encode({ result = 'waiting', fields = waiting })
end
for i = 1, renumbered do
  local issued = redis.call('EXISTS', KEYS[3 + removed + i]) == 1
  if issued ~= (ARGV[9 + removed + i] == '1') then
    return cjson.encode({ result = 'stale' })
  end
end
local revision = current + 1
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], revision)
-- the pending settings are replaced by this save's (a later document supersedes an earlier one)
redis.call('DEL', KEYS[3])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[3], 'from', ARGV[3], 'settings', ARGV[4], 'reasons', ARGV[5])
end
redis.call('PUBLISH', ARGV[7], ARGV[6])
return cjson.encode({ result = 'saved', revision = revision })
