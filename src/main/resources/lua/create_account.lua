-- Creates an account if the name is free, all fields at once (a log-in never sees half of one).
-- KEYS: 1 account, 2 account names
-- ARGV: 1 username, 2 password hash, 3 role, 4 office ('' none: the first of the offices),
--       5 offices (comma-separated, '' none), 6 full name ('' none), 7 must change password ('1' or '')
if redis.call('EXISTS', KEYS[1]) == 1 then return result({ created = false }) end
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'passwordHash', ARGV[2], 'role', ARGV[3])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'office', ARGV[4]) end
if (ARGV[5] or '') ~= '' then redis.call('HSET', KEYS[1], 'offices', ARGV[5]) end
if (ARGV[6] or '') ~= '' then redis.call('HSET', KEYS[1], 'fullName', ARGV[6]) end
if ARGV[7] == '1' then redis.call('HSET', KEYS[1], 'mustChange', '1') end
redis.call('SADD', KEYS[2], ARGV[1])
return result({ created = true })
