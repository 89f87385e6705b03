-- The deltas a live socket missed, from the office's event log (emit, lib.lua): the entries after
-- version ARGV[1], in order, if the log still holds every one of them and there are at most
-- ARGV[2]. Answers lines of text (cjson escapes every newline inside a string): the epoch in force,
-- the version, then each entry's event JSON as published. Only the epoch and version when the gap
-- is longer, or gone from the log (trimmed, or dropped with a new epoch): the caller takes a
-- snapshot then (and also when the epoch is not the one it asked about).
-- KEYS: 1 version (the epoch and the log are derived from it, in the same slot)
-- ARGV: 1 the last version the socket has, 2 the most entries to answer
local after, most = tonumber(ARGV[1]), tonumber(ARGV[2])
local version = tonumber(redis.call('GET', KEYS[1]) or '0')
local out = { redis.call('GET', KEYS[1] .. ':epoch') or '', tostring(version) }
if after >= version or version - after > most then return table.concat(out, '\n') end
local first = '0-' .. (after + 1)
local entries = redis.call('XRANGE', KEYS[1] .. ':log', first, '+', 'COUNT', version - after)
if not entries[1] or entries[1][1] ~= first then return table.concat(out, '\n') end
for i, entry in ipairs(entries) do out[2 + i] = entry[2][2] end
return table.concat(out, '\n')
