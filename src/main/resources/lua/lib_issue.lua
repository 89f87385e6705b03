-- Helpers of the issuing script only (issue_ticket.lua), sent after lib.lua with every script that
-- names this file in a "-- lib: issue" line (see RedisStore).

-- A repeated issuing request (the same Idempotency-Key): the first answer's ticket in its current
-- state, or idempotency_key_reused when the repeat asks for another field, priority or card; nil
-- when the key is new (or its ticket is gone), and the request issues a new ticket.
local REPLAY_FIELDS = { T_STATUS, T_SERVICE_DATE, T_NUMBER, T_SERVICE, T_PRIORITY, T_ISSUED_AT, T_COUNTER,
  T_CALLED_AT, T_STARTED_AT, T_FINISHED_AT, T_RECALLS, T_SOURCE, T_END_REASON, T_SLOT, T_TRANSFERRED_FROM, T_WHY,
  T_FIRST_SERVICE, T_CARD_LAST4 }

local function issue_replay(idempotency, ticket_prefix, queue_prefix, service, priority, card_last4)
  local existing_id = redis.call('GET', idempotency)
  if not existing_id then return nil end
  local t = read_fields(ticket_prefix .. existing_id, REPLAY_FIELDS)
  if not t[T_STATUS] then return nil end
  if (t[T_FIRST_SERVICE] or t[T_SERVICE]) ~= service or t[T_PRIORITY] ~= priority or t[T_CARD_LAST4] ~= card_last4 then
    return result({ error = 'idempotency_key_reused' })
  end
  local position = nil
  if t[T_STATUS] == 'WAITING' then
    position = place_in(queue_of(queue_prefix, t[T_SERVICE_DATE], t[T_SERVICE]), existing_id)
  end
  t[T_FIRST_SERVICE] = nil
  return result({ ticket = answer_ticket(existing_id, t), position = position, replayed = true })
end
