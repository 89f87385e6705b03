-- Re-encrypts one record's personal data, compare-and-set: the new values are written only if every
-- field still holds what the rotation read (a write in between wins; the rotation reads again).
-- The record's lifetime is untouched (HSET keeps the TTL). After a change of PERSONAL_DATA_KEY the
-- appointment's phone hash is among the fields, and its entry in the citizen's day (by phone) moves
-- from the old hash's key to the new one's, with its lifetime.
-- KEYS: 1 the record (hash), [2 citizen day by the old phone hash, 3 by the new one]
-- ARGV: 1 the booking code whose citizen-day entry moves ('' none); then field, expected value, new value; repeated
if redis.call('EXISTS', KEYS[1]) == 0 then return result({ outcome = 'gone' }) end
for i = 2, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then return result({ outcome = 'changed' }) end
end
for i = 2, #ARGV, 3 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
end
if ARGV[1] ~= '' and KEYS[3] then
  local entry = redis.call('HGET', KEYS[2], ARGV[1])
  if entry then
    local ttl = redis.call('PTTL', KEYS[2])
    redis.call('HSET', KEYS[3], ARGV[1], entry)
    redis.call('HDEL', KEYS[2], ARGV[1])
    if ttl > 0 and redis.call('PTTL', KEYS[3]) < ttl then redis.call('PEXPIRE', KEYS[3], ttl) end
  end
end
return result({ outcome = 'written' })
