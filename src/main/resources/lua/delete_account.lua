-- lib: auth
-- Deletes an account and revokes every token issued to it, in one step; with an office or a
-- manager's offices, only a person's account of that office that the caller may manage
-- (account_scope_error in lib.lua).
-- KEYS: 1 account, 2 account names, 3 the account's token hashes
-- ARGV: 1 username, 2 token key prefix (same {auth} slot), 3 office ('' or absent: any),
--       4 the caller's offices, comma-separated ('*' or absent: all)
local office, managed = ARGV[3] or '', ARGV[4] or '*'
local h = account_of(KEYS[1])
if not h then return result({ deleted = false }) end
if office ~= '' or managed ~= '*' then
  local err = account_scope_error(h, office, managed)
  if err == 'not_found' then return result({ deleted = false }) end
  if err then return result({ deleted = false, error = err }) end
end
revoke_tokens(KEYS[3], ARGV[2])
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return result({ deleted = true, before = account_public(h) })
