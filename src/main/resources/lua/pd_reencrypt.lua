-- Re-encrypts one record's personal data, compare-and-set: the new values are written only if every
-- field still holds what the rotation read (a write in between wins; the rotation reads again).
-- The record's lifetime is untouched (HSET keeps the TTL).
-- KEYS: 1 the record (hash)
-- ARGV: field, expected value, new value; repeated
if redis.call('EXISTS', KEYS[1]) == 0 then return result({ outcome = 'gone' }) end
for i = 1, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then return result({ outcome = 'changed' }) end
end
for i = 1, #ARGV, 3 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
end
return result({ outcome = 'written' })
