-- lib: call
-- A counter presses "next": its unfinished ticket of today (if any) is ended (completed when its
-- service started, else a no-show "skipped" by the next call), then the best waiting ticket it may
-- serve is called, with the reason, all in one step. The rules are
-- CallNextPolicy.java's (CallNextPolicyIT checks this script against it on random queues):
-- class (priority or the normals' turn), the walk-ins' turn after appointments in a row,
-- escalation past a field's target, then the aged weighted wait, then queue order.
-- Queue scores are queue_score (lib.lua): priority tickets first, each group by effective arrival
-- (an appointment's is its slot start; its score ends in .5); ties go to the lower score. The
-- counter's streaks belong to one day: a new day starts them afresh. The completion counts
-- towards the counter's served total of the day and its service time statistics (kept in the
-- counter's hash, written with its state: service_time_fields, lib.lua), and the completed ticket
-- becomes the counter's last ('lastDone', read by rating_prompt.lua) in that same HSET. The called
-- ticket's actual wait goes into the day's prediction outcomes (settle_prediction, lib.lua).
-- One event: ticket.called, with the ended ticket inside it ("closed", "closedAs", and for a
-- skipped one "endReason") and the called ticket's place in its field's queue before it left
-- (queue.place); a press that ends a ticket and calls none publishes that ticket's own event.
-- The first walk-in of a field is read from the queue's walk-in index (enqueue, lib.lua).
-- KEYS: 1 counter, 2 version, 3 idempotency, 4 served counts (today), 5 prediction outcomes (today),
--       then one queue per field the counter may serve (n fields: #KEYS - 5)
-- ARGV: 1 counterId, 2 now ms, 3 service date, 4 who pressed, 5 key given ('1'/'0'),
--       then per field i: weight (0: a backup field), target (s, 0: none),
--       -- fold: then (ARGV[6 + 2n]) the "turn is near" places N (absent: not asked). A ticket
--       with at most N before it is near; a removal from a queue at a place <= N + 1 brings the ticket
--       behind the zone into it, and only that one: the answer's 'near' lists the checked-in
--       appointments (ticket with 'appt', WAITING) so brought, {number, code, ahead} (omitted: none)
-- Constants, written into the text by LuaSource (RedisQueueStore.callNextConstants; one text per
-- office, written again when its policy changes: an ARGV value costs about 1,050 instructions a
-- call, docs/storage.md "Cost"):
-- OFFICE_JSON (the office id as JSON text), TICKET_PREFIX, EVENTS_CHANNEL, IDEMPOTENCY_TTL and
-- HISTORY_TTL (s, as text), the policy's MAX_PRIORITY_IN_ROW, RATIO (true: priority mode 'ratio'),
-- NORMALS_PER_PRIORITY, MAX_APPOINTMENTS_IN_ROW, WALK_IN_MAX_WAIT (ms that give walk-ins their turn),
-- AGING_PER_HOUR, ESCALATION (a boolean).
-- Numbers are read from their text with + 0 (one strtod), not tonumber (which parses twice in Lua 5.1):
-- every ARGV number here is one Java wrote.
local counter_id, now, now_s = ARGV[1], ARGV[2] + 0, ARGV[2]
local channel, tprefix, today, by = EVENTS_CHANNEL, TICKET_PREFIX, ARGV[3], ARGV[4]
local history_ttl = HISTORY_TTL
local max_in_row, ratio, normals_per_priority = MAX_PRIORITY_IN_ROW, RATIO, NORMALS_PER_PRIORITY
local max_appointments, walk_in_max_wait = MAX_APPOINTMENTS_IN_ROW, WALK_IN_MAX_WAIT
local aging, escalation, n = AGING_PER_HOUR, ESCALATION, #KEYS - 5
local FIRST_QUEUE = 5
local NO_PRIORITY_YET = 1000
local weights, targets = {}, {}
for i = 1, n do
  weights[i], targets[i] = ARGV[4 + 2 * i] + 0, ARGV[5 + 2 * i] + 0
end
-- JSON of the office and counter, written into the answer and the event (answers and events are
-- JSON text by concatenation: jstr, ticket_json, public_json in lib.lua)
local office_json, counter_json = OFFICE_JSON, '"' .. counter_id .. '"'

-- A candidate of queue score text `score` in a field of weight and target (s): its queue score q, waited
-- ms and s since its effective arrival, aged weighted score, over its field's target, eligible (a
-- backup field's only when over target). Multiple values, no table; captures nothing.
local function candidate(score, now, weight, target, aging, floor)
  local q = score + 0
  local arrival
  if q < 0 then arrival = floor((q + PRIORITY_SHIFT) / 1000) else arrival = floor(q / 1000) end
  local wms = now - arrival
  if wms < 0 then wms = 0 end
  local w = floor(wms / 1000)
  local backup = weight == 0
  if backup then weight = 1 end
  local over = target > 0 and w >= target
  return q, wms, w, w * (weight * 3600 + aging * w), over, not backup or over
end

-- The first walk-in of field f's normal part, given the candidate that begins it (id, q, ...: a
-- normal head, or a priority-headed field's first normal): that candidate itself, or, when it is an
-- appointment (q ends in .5), the first of the field's walk-in index (enqueue, lib_issue.lua); nil
-- unless it is eligible and waited at least walk_in_max_wait ms. Captures only candidate.
local function first_walk_in(f, id, q, wms, w, s, o, ok, now, weight, target, aging, floor, walk_in_max_wait)
  if q % 1 ~= 0 then
    local fw = redis.call('ZRANGE', KEYS[FIRST_QUEUE + f] .. WALK_INS_SUFFIX, '0', '0', 'WITHSCORES')
    id = fw[1]
    if not id then return nil end
    q, wms, w, s, o, ok = candidate(fw[2], now, weight, target, aging, floor)
  end
  if ok and wms >= walk_in_max_wait then return id, q, wms, w, s, o end
  return nil
end

-- Is candidate a (over target, waited s, its field's target, aged score, queue score, field index)
-- better than b? Escalated first (most over target), then the aged score, then queue order, then the
-- earlier field (CallNextPolicy's order: the first of equals in the counter's fields wins, whichever
-- order the candidates are looked at in).
local function better(ao, aw, at, as, aq, ai, bo, bw, bt, bs, bq, bi)
  if ESCALATION then
    if ao ~= bo then return ao end
    if ao then
      local l, r = aw * bt, bw * at
      if l ~= r then return l > r end
    end
  end
  if as ~= bs then return as > bs end
  if aq ~= bq then return aq < bq end
  return ai < bi
end

-- The step runs at the script's top level (no closure over its locals): a press with a key already
-- used is answered from the key (replayed), and each answer is remembered under it (remembered).
do
  local answer = replayed(KEYS[3], ARGV[5], 'call-next')
  if answer then return answer end
end
do
  local state = redis.call('HMGET', KEYS[1], 'paused', 'current', 'day', 'priorityStreak', 'appointmentStreak',
    'normalStreak')
  if state[1] == '1' then
    return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{"error":"counter_paused"}')
  end

  -- the ticket the press ends and the counter fields its completion changes (its service time
  -- statistics and last completed ticket): a SERVING ticket is completed (DONE, counted as served);
  -- a CALLED one never started, so its citizen did not come: NO_SHOW, endReason 'skipped', a SKIP
  -- step, not counted as served. Its event goes into the call's (or alone, when none is called).
  local closed, closed_as, done = nil, nil, nil
  if state[2] then
    local key = tprefix .. state[2]
    local t = hash_of(redis.call('HGETALL', key))
    if t[T_SERVICE_DATE] == today and t[T_STATUS] == 'SERVING' then
      t[T_STATUS], t[T_FINISHED_AT] = 'DONE', now_s
      redis.call('HSET', key, T_STATUS, 'DONE', T_FINISHED_AT, now_s)
      add_step(key, 'COMPLETE', now_s, by, counter_id, t[T_SERVICE], nil, nil, history_ttl)
      count_served(KEYS[4], counter_id, history_ttl)
      local service = t[T_SERVICE]
      local old = redis.call('HMGET', KEYS[1], 't:' .. service, 'n:' .. service)
      local stats = service_time_fields(service, t[T_CALLED_AT], now, old[1], old[2])
      done = stats and { 'lastDone', state[2], stats[1], stats[2], stats[3], stats[4] } or { 'lastDone', state[2] }
      closed, closed_as = t, 'ticket.done'
    elseif t[T_SERVICE_DATE] == today and t[T_STATUS] == 'CALLED' then
      t[T_STATUS], t[T_FINISHED_AT], t[T_END_REASON] = 'NO_SHOW', now_s, 'skipped'
      redis.call('HSET', key, T_STATUS, 'NO_SHOW', T_FINISHED_AT, now_s, T_END_REASON, 'skipped')
      add_step(key, 'SKIP', now_s, by, counter_id, t[T_SERVICE], nil, nil, history_ttl)
      closed, closed_as = t, 'ticket.no_show'
    end
  end
  local closed_json = closed and ticket_json(state[2], closed) or nil
  local streak, appointment_streak, normal_streak = 0, 0, NO_PRIORITY_YET
  if state[3] == today then
    streak = (state[4] or 0) + 0
    appointment_streak = (state[5] or 0) + 0
    normal_streak = (state[6] or NO_PRIORITY_YET) + 0
  end
  -- the normals' turn may come (it does if a normal ticket may be taken)
  local normals_may_jump
  if ratio then normals_may_jump = normal_streak < normals_per_priority
  else normals_may_jump = max_in_row > 0 and streak >= max_in_row end
  -- after max_appointments appointment calls in a row, a walk-in who waited long enough goes first
  local walk_ins_may_jump = max_appointments > 0 and appointment_streak >= max_appointments

  -- A candidate is a handful of locals, not a table (docs/storage.md "Cost"): its ticket id, queue
  -- index i (its queue, weight and target are KEYS'/ARGV's by i), place when known (a head's: 1;
  -- else false), queue score q (a number: < 0 priority, ending in .5 an appointment), waited ms and
  -- s since its effective arrival, aged weighted score, over its field's target; see candidate and
  -- better above. The best of each kind is kept: p_* (priority heads), n_* (each field's first
  -- normal), w_* (each field's first walk-in, asked only when walk-ins may jump).
  local floor = math.floor
  local near_places = ARGV[6 + 2 * n] -- fold: "turn is near" (near_json, lib_call.lua), absent: not asked
  near_places = near_places and near_places + 0
  local crossed = nil -- fold: crossed[queue], the removals from it at a place <= N + 1

  -- A queued id whose ticket is gone or no longer waiting is dropped and the choice made again.
  for _ = 1, 50 do
    local p_id, p_i, p_q, p_wms, p_w, p_s, p_o, priorities = nil, 0, 0, 0, 0, 0, false, 0
    local n_id, n_i, n_place, n_q, n_wms, n_w, n_s, n_o, count = nil, 0, false, 0, 0, 0, 0, false, 0
    local w_id, w_i, w_q, w_wms, w_w, w_s, w_o, walk_ins = nil, 0, 0, 0, 0, 0, false, 0
    local later = nil -- fields whose head is a priority ticket: their first normal is read after the heads
    for i = 1, n + 1 do
      local id, score, place
      if i <= n then
        local head = redis.call('ZRANGE', KEYS[FIRST_QUEUE + i], '0', '0', 'WITHSCORES')
        id, score, place = head[1], head[2], 1
      elseif later and (normals_may_jump or not p_id) then
        -- the first normal ticket of each queue whose head is a priority one (none wanted when the
        -- priority head is taken anyway)
        for j = 1, #later do
          local f = later[j]
          local first = redis.call('ZRANGEBYSCORE', KEYS[FIRST_QUEUE + f], '0', '+inf', 'WITHSCORES', 'LIMIT', '0', '1')
          if first[1] then
            local q, wms, w, s, o, ok = candidate(first[2], now, weights[f], targets[f], aging, floor)
            if ok then
              count = count + 1
              if not n_id or better(o, w, targets[f], s, q, f, n_o, n_w, targets[n_i], n_s, n_q, n_i) then
                n_id, n_i, n_place, n_q, n_wms, n_w, n_s, n_o = first[1], f, false, q, wms, w, s, o
              end
            end
            if walk_ins_may_jump then
              local wid, wq, wwms, ww, ws, wo = first_walk_in(f, first[1], q, wms, w, s, o, ok, now, weights[f],
                targets[f], aging, floor, walk_in_max_wait)
              if wid then
                walk_ins = walk_ins + 1
                if not w_id or better(wo, ww, targets[f], ws, wq, f, w_o, w_w, targets[w_i], w_s, w_q, w_i) then
                  w_id, w_i, w_q, w_wms, w_w, w_s, w_o = wid, f, wq, wwms, ww, ws, wo
                end
              end
            end
          end
        end
      end
      if id then
        local q, wms, w, s, o, ok = candidate(score, now, weights[i], targets[i], aging, floor)
        if q < 0 then
          if ok then
            priorities = priorities + 1
            if not p_id or better(o, w, targets[i], s, q, i, p_o, p_w, targets[p_i], p_s, p_q, p_i) then
              p_id, p_i, p_q, p_wms, p_w, p_s, p_o = id, i, q, wms, w, s, o
            end
          end
          later = later or {}
          later[#later + 1] = i
        else
          if ok then
            count = count + 1
            if not n_id or better(o, w, targets[i], s, q, i, n_o, n_w, targets[n_i], n_s, n_q, n_i) then
              n_id, n_i, n_place, n_q, n_wms, n_w, n_s, n_o = id, i, place, q, wms, w, s, o
            end
          end
          if walk_ins_may_jump then
            local wid, wq, wwms, ww, ws, wo = first_walk_in(i, id, q, wms, w, s, o, ok, now, weights[i], targets[i],
              aging, floor, walk_in_max_wait)
            if wid then
              walk_ins = walk_ins + 1
              if not w_id or better(wo, ww, targets[i], ws, wq, i, w_o, w_w, targets[w_i], w_s, w_q, w_i) then
                w_id, w_i, w_q, w_wms, w_w, w_s, w_o = wid, i, wq, wwms, ww, ws, wo
              end
            end
          end
        end
      end
    end
    -- the choice: id, i, place, q, waited s, the rule, its row and candidates
    local id, i, place, q, waited, rule, row, candidates
    if p_id and (not normals_may_jump or not n_id) then
      id, i, place, q, waited, rule, row, candidates = p_id, p_i, 1, p_q, p_w, 'PRIORITY',
        ratio and normal_streak or 0, priorities
    elseif n_id then
      id, i, place, q, waited, row, candidates = n_id, n_i, n_place, n_q, n_w, 0, count
      if w_id then
        id, i, place, q, waited, rule, row, candidates = w_id, w_i, false, w_q, w_w, 'WALK_IN_TURN',
          appointment_streak, walk_ins
      elseif p_id then rule, row = 'NORMALS_TURN', ratio and normal_streak or streak
      elseif n_o and weights[n_i] == 0 then rule = 'BACKUP_OVER_TARGET'
      elseif ESCALATION and n_o and count > 1 then rule = 'OVER_TARGET'
      elseif count == 1 then rule = 'ONLY_ONE'
      else rule = 'WEIGHTED_WAIT' end
    end
    if not id then break end
    local queue = KEYS[FIRST_QUEUE + i]
    if not place then
      place = redis.call('ZRANK', queue, id)
      if place then place = place + 1 end
    end
    dequeue(queue, id, q)
    if near_places and place and place <= near_places + 1 then -- fold: a removal near the front
      crossed = crossed or {}
      crossed[queue] = (crossed[queue] or 0) + 1
    end
    local key = tprefix .. id
    local t = hash_of(redis.call('HGETALL', key))
    if t[T_STATUS] == 'WAITING' then
      -- the reason as one string (TicketCodec.why)
      local why = rule .. ' ' .. int(waited) .. ' ' .. (weights[i] == 0 and '1' or ARGV[4 + 2 * i]) .. ' '
        .. ARGV[5 + 2 * i] .. ' ' .. int(row) .. ' ' .. int(candidates)
      t[T_STATUS], t[T_COUNTER], t[T_CALLED_AT], t[T_WHY] = 'CALLED', counter_id, now_s, why
      redis.call('HSET', key, T_STATUS, 'CALLED', T_COUNTER, counter_id, T_CALLED_AT, now_s, T_WHY, why)
      add_step(key, 'CALL', now_s, by, counter_id, t[T_SERVICE], nil, why, history_ttl)
      if q < 0 then
        streak = streak + 1
        normal_streak = 0
      else
        streak = 0
        if q % 1 ~= 0 then appointment_streak = appointment_streak + 1 else appointment_streak = 0 end
        if normal_streak < NO_PRIORITY_YET then normal_streak = normal_streak + 1 end
      end
      if done then
        local fields = { 'current', id, 'priorityStreak', int(streak), 'appointmentStreak', int(appointment_streak),
          'normalStreak', int(normal_streak), 'day', today }
        for j = 1, #done do fields[10 + j] = done[j] end
        redis.call('HSET', KEYS[1], unpack(fields))
      else
        redis.call('HSET', KEYS[1], 'current', id, 'priorityStreak', int(streak), 'appointmentStreak',
          int(appointment_streak), 'normalStreak', int(normal_streak), 'day', today)
      end
      local service = t[T_SERVICE]
      emit(KEYS[2], channel, '{"type":"ticket.called","office":' .. office_json .. ',"at":' .. now_s
        .. ',"ticket":' .. public_json(t) .. ',"counter":' .. counter_json .. ',"queue":{"service":"' .. service
        .. '","waiting":' .. int(redis.call('ZCARD', queue)) .. ',"place":' .. int(place) .. '}'
        .. (closed and (',"closed":' .. public_json(closed) .. ',"closedAs":"' .. closed_as .. '"'
          .. (closed_as == 'ticket.no_show' and ',"endReason":"skipped"}' or '}')) or '}'))
      settle_prediction(KEYS[5], id, t[T_ISSUED_AT], t[T_SLOT_START], now, history_ttl)
      if crossed then -- fold: near
        return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{"ticket":' .. ticket_json(id, t)
          .. (closed_json and (',"closed":' .. closed_json) or '')
          .. near_json(crossed, near_places, tprefix, T_APPT, T_STATUS, T_NUMBER) .. '}')
      end
      return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{"ticket":' .. ticket_json(id, t)
        .. (closed_json and (',"closed":' .. closed_json .. '}') or '}'))
    end
  end

  -- no ticket called: the counter's current ticket is let go, the ended one's own event published
  local near = crossed and near_json(crossed, near_places, tprefix, T_APPT, T_STATUS, T_NUMBER) or nil
  if done then redis.call('HSET', KEYS[1], unpack(done)) end
  if state[2] then redis.call('HDEL', KEYS[1], 'current') end
  if not closed then
    if not near or near == '' then return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{}') end
    return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{' .. string.sub(near, 2) .. '}') -- fold
  end
  emit(KEYS[2], channel, '{"type":"' .. closed_as .. '","office":' .. office_json .. ',"at":' .. now_s
    .. ',"ticket":' .. public_json(closed) .. ',"counter":' .. counter_json
    .. (closed_as == 'ticket.no_show' and ',"endReason":"skipped"}' or '}'))
  return remembered(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, '{"closed":' .. closed_json .. (near or '') .. '}') -- fold: near
end
