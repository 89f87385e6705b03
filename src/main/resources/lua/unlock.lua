-- Releases a lock only if this owner still holds it.
-- KEYS: 1 the lock
-- ARGV: 1 owner
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return result({ released = true }) end
return result({ released = false })
