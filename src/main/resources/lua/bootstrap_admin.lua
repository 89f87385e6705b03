-- Creates the built-in admin once per store. Never again once it was created (a deleted admin
-- stays deleted: `admin reset-password` is the way back), and never on a store that already holds
-- accounts (a store from before this marker existed is marked instead). An empty hash only asks
-- whether the admin is still to be created, so the caller hashes a password only when needed.
-- KEYS: 1 admin account, 2 account names, 3 bootstrapped marker
-- ARGV: 1 username, 2 password hash ('' = only ask), 3 role
if redis.call('EXISTS', KEYS[3]) == 1 then return result({ pending = false, created = false }) end
if redis.call('SCARD', KEYS[2]) > 0 or redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('SET', KEYS[3], 'accounts-found')
  return result({ pending = false, created = false })
end
if ARGV[2] == '' then return result({ pending = true, created = false }) end
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'passwordHash', ARGV[2], 'role', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SET', KEYS[3], 'created')
return result({ pending = true, created = true })
