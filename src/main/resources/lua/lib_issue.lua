-- Helpers of the issuing scripts only (issue_ticket.lua, issue_card_ticket.lua), sent after lib.lua with
-- every script that names this file in a "-- lib: issue" line (see RedisStore).

-- A repeated issuing request (the same Idempotency-Key): the first answer's ticket in its current
-- state, or idempotency_key_reused when the repeat asks for another field, priority or card; nil
-- when the key is new (or its ticket is gone), and the request issues a new ticket.
local function issue_replay(idempotency, ticket_prefix, queue_prefix, service, priority, card_last4)
  local existing_id = redis.call('GET', idempotency)
  if not existing_id then return nil end
  local t = load_ticket(ticket_prefix .. existing_id)
  if not t then return nil end
  local first = t.steps and t.steps[1] and t.steps[1].service or t.service
  if first ~= service or t.priority ~= priority or t.cardLast4 ~= card_last4 then
    return result({ error = 'idempotency_key_reused' })
  end
  return result({ ticket = t, position = position_of(queue_of(queue_prefix, t), t), replayed = true })
end
