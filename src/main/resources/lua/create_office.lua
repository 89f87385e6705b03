-- Creates an office from its settings at revision 1, unless one with its id exists.
-- KEYS: config, revision, pending. ARGV: settings, office id, channel. Returns 1 if created, else 0.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return '0'
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], 1)
redis.call('DEL', KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[2])
return '1'
