-- lib: auth
-- Changes a person's account in one step, within the caller's reach (account_scope_error in
-- lib.lua), and revokes all its tokens when the change must end its sessions: a new password, the
-- account disabled, its role or offices changed. Answers the account before and after (no hash).
-- KEYS: 1 account, 2 the account's token hashes
-- ARGV: 1 office ('' none: the caller's own account), 2 the caller's offices, comma-separated, or '*',
--       3 token key prefix (same {auth} slot), then pairs of field and value ('' removes the field)
--       among fullName, role, office, offices, disabled, mustChange, passwordHash
local h = account_of(KEYS[1])
local err = account_scope_error(h, ARGV[1], ARGV[2])
if err then return result({ error = err }) end
local before = account_public(h)
local revoke = false
for i = 4, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  local old = h[field] or ''
  if field == 'passwordHash' then revoke = true
  elseif field == 'disabled' and value == '1' and old ~= '1' then revoke = true
  elseif (field == 'role' or field == 'offices') and value ~= old then revoke = true end
  if value == '' then redis.call('HDEL', KEYS[1], field) else redis.call('HSET', KEYS[1], field, value) end
end
if revoke then revoke_tokens(KEYS[2], ARGV[3]) end
return result({ before = before, after = account_public(account_of(KEYS[1])), revoked = revoke })
