-- Migrates tickets stored by the previous release (one JSON string per ticket under its key) to
-- the hash of TicketFields and the steps list beside it, with the key's remaining lifetime. A key
-- that is not a string (a hash: migrated already, by this or another server) is left alone, so a
-- batch may run any number of times, by several servers at once; each batch is atomic, so a server
-- killed midway leaves every ticket either old or new (TicketMigration). A waiting walk-in joins
-- its queue's walk-in index (which the previous release did not keep).
-- KEYS: the ticket keys of one batch (SCAN ... TYPE string)
-- ARGV: none
local function text(v)
  if v == nil or v == cjson.null or v == false then return nil end
  if type(v) == 'number' then return string.format('%d', v) end
  if type(v) == 'string' then return v end
  return nil
end

-- a call's reason: the string of this and the previous release, or the first release's object
local function why_of(w)
  if type(w) == 'string' then return w end
  if type(w) == 'table' and w.rule then
    return w.rule .. ' ' .. (text(w.waited) or '0') .. ' ' .. (text(w.weight) or '1') .. ' ' .. (text(w.target) or '0')
      .. ' ' .. (text(w.row) or '0') .. ' ' .. (text(w.n) or '1')
  end
  return nil
end

local migrated, broken = 0, 0
for _, key in ipairs(KEYS) do
  if redis.call('TYPE', key).ok == 'string' then
    local ok, t = pcall(cjson.decode, redis.call('GET', key))
    if not ok or type(t) ~= 'table' or not t.status then
      broken = broken + 1
    else
      local ttl = redis.call('PTTL', key)
      local steps = type(t.steps) == 'table' and t.steps or {}
      local entries, last_why, last_from, first_service = {}, nil, nil, nil
      -- the issue's step is the hash's (issuedAt, source, first field): no entry
      local from = (steps[1] and steps[1].act == 'ISSUE') and 2 or 1
      for i = from, #steps do
        local s = steps[i]
        local why = why_of(s.why)
        if s.act == 'CALL' and why then last_why = why end
        if s.act == 'TRANSFER' and text(s.from) then
          last_from = text(s.from)
          first_service = first_service or text(s.from)
        end
        entries[#entries + 1] = (text(s.act) or '') .. '|' .. (text(s.at) or '') .. '|' .. (text(s.counter) or '') .. '|'
          .. (text(s.service) or '') .. '|' .. (text(s.from) or '') .. '|' .. (why or '') .. '|' .. (text(s.by) or '')
      end
      -- a transfer's first field: the first step's (the issue's) field, else the old record's first transfer
      if last_from then first_service = (steps[1] and text(steps[1].service)) or text(t.transferredFrom) or first_service end
      local fields = {}
      local function put(name, value)
        value = text(value)
        if value then
          fields[#fields + 1] = name
          fields[#fields + 1] = value
        end
      end
      put(T_NUMBER, t.number) put(T_SERVICE, t.service) put(T_STATUS, t.status) put(T_PRIORITY, t.priority)
      put(T_ISSUED_AT, t.issuedAt) put(T_SERVICE_DATE, t.serviceDate) put(T_SEQ, t.seq) put(T_SOURCE, t.source)
      put(T_COUNTER, t.counter) put(T_CALLED_AT, t.calledAt) put(T_STARTED_AT, t.startedAt)
      put(T_FINISHED_AT, t.finishedAt) put(T_RECALLED_AT, t.recalledAt)
      if tonumber(t.recalls) and tonumber(t.recalls) > 0 then put(T_RECALLS, t.recalls) end
      put(T_END_REASON, t.endReason) put(T_ENDED_FROM, t.endedFrom) put(T_EXPIRED_AT, t.expiredAt)
      put(T_WHY, last_why)
      if t.appointment == true then put(T_SLOT_START, t.slotStart) put(T_SLOT, t.slot) end
      put(T_APPT, t.appt) put(T_CARD_LAST4, t.cardLast4)
      put(T_TRANSFERRED_FROM, last_from or t.transferredFrom) put(T_TRANSFERRED_AT, t.transferredAt)
      if first_service and first_service ~= t.service then put(T_FIRST_SERVICE, first_service) end
      if type(t.print) == 'table' then
        put(T_PRINT_STATUS, t.print.status) put(T_PRINTER, t.print.printer) put(T_PRINT_REASON, t.print.reason)
        put(T_PRINT_AT, t.print.at)
      end
      redis.call('DEL', key)
      redis.call('HSET', key, unpack(fields))
      local steps_key = key .. STEPS_SUFFIX
      redis.call('DEL', steps_key)
      if #entries > 0 then redis.call('RPUSH', steps_key, unpack(entries)) end
      if ttl > 0 then
        redis.call('PEXPIRE', key, ttl)
        if #entries > 0 then redis.call('PEXPIRE', steps_key, ttl) end
      end
      -- a waiting normal walk-in joins its queue's walk-in index (the queue's key beside the ticket's)
      local id = key:match('ticket:([^:]+)$')
      if t.status == 'WAITING' and id and text(t.serviceDate) and text(t.service) then
        local queue = key:sub(1, #key - #id - #'ticket:') .. 'queue:' .. text(t.serviceDate) .. ':' .. text(t.service)
        local score = tonumber(redis.call('ZSCORE', queue, id))
        if score and score >= 0 and score % 1 == 0 then redis.call('ZADD', queue .. WALK_INS_SUFFIX, score, id) end
      end
      migrated = migrated + 1
    end
  end
end
return result({ migrated = migrated, broken = broken })
