-- Helpers of the account and device scripts only, sent after lib.lua with every script that names
-- this file in a "-- lib: auth" line (see RedisStore): the queue's scripts do not pay for them per call.

-- Accounts (hash Keys.user): username, passwordHash, role, office (the first office, kept for old
-- readers), offices (comma-separated), fullName, disabled ('1'), mustChange ('1'). An account stored
-- before offices existed has only office: it is an account of that one office.
local function account_of(key)
  local flat = redis.call('HGETALL', key)
  if #flat == 0 then return nil end
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  if (h.offices == nil or h.offices == '') and h.office and h.office ~= '' then h.offices = h.office end
  return h
end

-- What an answer or the audit log may see of an account: everything but its password hash.
local function account_public(h)
  local out = {}
  for field, value in pairs(h) do
    if field ~= 'passwordHash' then out[field] = value end
  end
  return out
end

-- Revokes every token of an account: the token keys (prefix .. hash) and the account's token set.
local function revoke_tokens(tokens_key, token_prefix)
  for _, hash in ipairs(redis.call('SMEMBERS', tokens_key)) do
    redis.call('DEL', token_prefix .. hash)
  end
  redis.call('DEL', tokens_key)
end

-- Nil when a caller may change the account h through an office's accounts, else the error code.
-- office: the office the request names ('' none); managed: the caller's offices, comma-separated,
-- or '*' (an admin). A device is nobody's person account; a manager manages only accounts all of
-- whose offices it manages, and never an admin.
local function account_scope_error(h, office, managed)
  if not h or h.role == 'DEVICE' then return 'not_found' end
  if office ~= '' and not contains(h.offices or '', office) then return 'not_found' end
  if managed == '*' then return nil end
  if h.role == 'ADMIN' then return 'forbidden' end
  for o in string.gmatch(h.offices or '', '[^,]+') do
    if not contains(managed, o) then return 'forbidden' end
  end
  return nil
end

-- Pairs a device of an office: creates its DEVICE account, or takes over the same office's device
-- of that name (a replaced kiosk) after revoking its tokens; records its kind and stores its one
-- new token. k: account, names, tokens, device, office_devices, token; a: username, password_hash,
-- office, kind, paired_at, token_prefix, principal, ttl, token_hash, counter ('' none).
-- Returns paired (false: the name is a person's or another office's device), replaced.
local function pair_device_account(k, a)
  local existed = redis.call('EXISTS', k.account) == 1
  if existed then
    local account = redis.call('HMGET', k.account, 'role', 'office')
    if account[1] ~= 'DEVICE' or account[2] ~= a.office then return false, true end
    revoke_tokens(k.tokens, a.token_prefix)
  end
  redis.call('HSET', k.account, 'username', a.username, 'passwordHash', a.password_hash, 'role', 'DEVICE',
    'office', a.office)
  redis.call('SADD', k.names, a.username)
  redis.call('DEL', k.device)
  redis.call('HSET', k.device, 'office', a.office, 'kind', a.kind, 'pairedAt', a.paired_at)
  if a.counter ~= '' then redis.call('HSET', k.device, 'counter', a.counter) end
  redis.call('SADD', k.office_devices, a.username)
  local ttl = tonumber(a.ttl)
  redis.call('SET', k.token, a.principal, 'EX', ttl)
  redis.call('SADD', k.tokens, a.token_hash)
  redis.call('EXPIRE', k.tokens, ttl + 60)
  return true, existed
end
