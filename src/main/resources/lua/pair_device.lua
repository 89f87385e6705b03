-- lib: auth
-- Pairs a device (kiosk, lobby display, rating tablet) of an office, in one step: creates its DEVICE account, or
-- takes over the existing device of that name in the same office (a replaced kiosk) after revoking
-- every token it held, records its kind, and stores its one new token. A name held by a person's
-- account, or by another office's device, is refused.
-- KEYS: 1 account, 2 account names, 3 the account's token hashes, 4 device record, 5 the office's devices,
--       6 the new token
-- ARGV: 1 username, 2 password hash (of a random password nobody knows), 3 office, 4 kind,
--       5 paired at (ms), 6 token key prefix (same {auth} slot), 7 token principal JSON, 8 ttl s, 9 token hash,
--       10 counter (rating tablets; '' none)
local paired, replaced = pair_device_account(
  { account = KEYS[1], names = KEYS[2], tokens = KEYS[3], device = KEYS[4], office_devices = KEYS[5], token = KEYS[6] },
  { username = ARGV[1], password_hash = ARGV[2], office = ARGV[3], kind = ARGV[4], paired_at = ARGV[5],
    token_prefix = ARGV[6], principal = ARGV[7], ttl = ARGV[8], token_hash = ARGV[9], counter = ARGV[10] })
return result({ paired = paired, replaced = replaced })
