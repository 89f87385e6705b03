-- A ticket's Zalo rating invitation token, made once: the first caller's token is kept (SET NX)
-- and every later caller gets it back, so servers that all saw the same completion queue one message.
-- KEYS: 1 the ticket's invitation, 2 the token's invitation
-- ARGV: 1 token, 2 "office|ticket id", 3 ttl ms
local existing = redis.call('GET', KEYS[1])
if existing then return '0:' .. existing end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return '1:' .. ARGV[1]
