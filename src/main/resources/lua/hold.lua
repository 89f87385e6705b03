-- lib: booking
-- Holds one place of a slot for a few minutes while the citizen fills the form: it counts against
-- the capacity exactly as a booking does, until it expires, is released or a booking converts it.
-- One live hold per browser session: the session's previous hold, and `replaces` when that hold
-- is the session's or was taken from the same address, go back in this same step, and the places
-- they held do not count against the new one (moving inside a full slot, or at the address's cap,
-- works). Then the address's live holds are capped (too_many_holds) and the slot's capacity
-- checked (slot_full); a refusal gives nothing back. A session this store does not know (expired,
-- forged, none) is replaced by the one minted for this request. With an Idempotency-Key the first
-- answer is kept and replayed (idempotent in lib.lua).
-- With phone verification (ARGV 17 = '0') the hold is checked the same way but takes no place yet:
-- it stays out of the slot's holds (the counted places), its record says counted = '0', and only
-- otp_confirm.lua counts it, once its phone is proven; a script without phones holds nothing.
-- KEYS: 1 slot ledger, 2 slot holds, 3 new hold record, 4 address holds, 5 the given session,
--       6 the minted session, 7 idempotency
-- ARGV: 1 start HH:mm, 2 capacity, 3 now ms, 4 hold id, 5 expires at ms (the clock of ARGV 3), 6 service,
--       7 date, 8 replaces ('' none), 9 given session ('' none), 10 minted session, 11 client address,
--       12 holds per address, 13 session time to live ms, 14 key given ('1'/'0'), 15 idempotency ttl s,
--       16 the request's fingerprint, 17 counted now ('1'; '0': only once its phone is verified)
-- Key lifetimes are relative (PEXPIRE), so they follow the server's clock, not Redis's.
return idempotent(KEYS[7], ARGV[14], ARGV[16], ARGV[15], function()
  local now = tonumber(ARGV[3])
  local office = string.match(KEYS[3], '^(.-)hold:')
  local session, session_key = ARGV[10], KEYS[6]
  if ARGV[9] ~= '' and redis.call('EXISTS', KEYS[5]) == 1 then session, session_key = ARGV[9], KEYS[5] end

  local previous = {}
  local own = redis.call('HGET', session_key, 'hold')
  if own then previous[#previous + 1] = own end
  if ARGV[8] ~= '' and ARGV[8] ~= own then
    local r = redis.call('HMGET', office .. 'hold:' .. ARGV[8], 'session', 'address')
    if r[1] == session or r[2] == ARGV[11] then previous[#previous + 1] = ARGV[8] end
  end
  -- live holds of a set, not counting the ones this hold replaces
  local function others(key)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
    local n = redis.call('ZCARD', key)
    for _, id in ipairs(previous) do
      if redis.call('ZSCORE', key, id) then n = n - 1 end
    end
    return n
  end
  if others(KEYS[4]) >= tonumber(ARGV[12]) then return { error = 'too_many_holds' } end
  local booked = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
  if booked + others(KEYS[2]) >= tonumber(ARGV[2]) then return { error = 'slot_full' } end

  for _, id in ipairs(previous) do drop_hold(office .. 'hold:' .. id, id) end
  -- the sets outlive their last hold a little; members are judged by their score, not by the key's life
  local ttl = tonumber(ARGV[5]) - now + 3600000
  local counted = ARGV[17] ~= '0'
  local sets = counted and { KEYS[2], KEYS[4] } or { KEYS[4] }
  for _, key in ipairs(sets) do
    redis.call('ZADD', key, ARGV[5], ARGV[4])
    redis.call('PEXPIRE', key, ttl)
  end
  redis.call('HSET', KEYS[3], 'service', ARGV[6], 'date', ARGV[7], 'start', ARGV[1], 'expiresAt', ARGV[5],
    'session', session, 'address', ARGV[11], 'counted', counted and '1' or '0')
  redis.call('PEXPIRE', KEYS[3], ttl)
  redis.call('HSETNX', session_key, 'since', ARGV[3])
  redis.call('HSET', session_key, 'hold', ARGV[4])
  redis.call('PEXPIRE', session_key, ARGV[13])
  return { hold = ARGV[4], expiresAt = ARGV[5], session = session, replaced = #previous }
end)
