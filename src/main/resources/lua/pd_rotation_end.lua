-- Ends a rotation: the in-progress mark goes, if it still names this rotation's target.
-- KEYS: 1 rotation in progress
-- ARGV: 1 target version
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return result({ ok = true })
