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
-- Constants, written into the text by LuaSource (RedisQueueStore.callNextConstants; one script per
-- office and policy: an ARGV value costs about 1,050 instructions a call, docs/storage.md "Cost"):
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

return idempotent(KEYS[3], ARGV[5], 'call-next', IDEMPOTENCY_TTL, function()
  local state = redis.call('HMGET', KEYS[1], 'paused', 'current', 'day', 'priorityStreak', 'appointmentStreak',
    'normalStreak')
  if state[1] == '1' then
    return { error = 'counter_paused' }
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
  -- no ticket called: the counter's current ticket is let go, the ended one's own event published
  local function none_called(near) -- fold: near, the answer's ',"near":[..]' or nil
    if done then redis.call('HSET', KEYS[1], unpack(done)) end
    if state[2] then redis.call('HDEL', KEYS[1], 'current') end
    if not closed then
      if not near or near == '' then return '{}' end
      return '{' .. string.sub(near, 2) .. '}' -- fold
    end
    emit(KEYS[2], channel, '{"type":"' .. closed_as .. '","office":' .. office_json .. ',"at":' .. now_s
      .. ',"ticket":' .. public_json(closed) .. ',"counter":' .. counter_json
      .. (closed_as == 'ticket.no_show' and ',"endReason":"skipped"}' or '}'))
    return '{"closed":' .. closed_json .. (near or '') .. '}' -- fold: near
  end

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

  -- A candidate is an array, not a record (a table of 13 named fields cost about 5,000 instructions
  -- to build and collect, docs/storage.md "Cost"): [1] ticket id, [2] queue index i (its queue,
  -- weight and target are KEYS'/ARGV's by i), [3] its place when known (a head's: 1; else false),
  -- [4] its queue score (a number: < 0 priority, ending in .5 an appointment), [5] waited ms since its
  -- effective arrival, [6] waited s, [7] aged weighted score, [8] over its field's target, [9] eligible
  -- (a backup field's only when over target).
  local function entry(i, id, score, place)
    local weight, target = weights[i], targets[i]
    local order = score + 0
    local arrival
    if order < 0 then arrival = math.floor((order + PRIORITY_SHIFT) / 1000) else arrival = math.floor(order / 1000) end
    local waited_ms = now - arrival
    if waited_ms < 0 then waited_ms = 0 end
    local waited = math.floor(waited_ms / 1000)
    local backup = weight == 0
    if backup then weight = 1 end
    local over = target > 0 and waited >= target
    return { id, i, place or false, order, waited_ms, waited, waited * (weight * 3600 + aging * waited), over,
             not backup or over }
  end

  -- is a better than b (nil)? escalated first (most over target), then the aged score, then queue order
  local function better(a, b)
    if not b then return true end
    if escalation then
      if a[8] ~= b[8] then return a[8] end
      if a[8] then
        local l, r = a[6] * targets[b[2]], b[6] * targets[a[2]]
        if l ~= r then return l > r end
      end
    end
    if a[7] ~= b[7] then return a[7] > b[7] end
    return a[4] < b[4]
  end

  -- The first walk-in of a queue's normal part, whose first entry is given; nil if none. The
  -- queue's walk-in index holds its normal walk-ins only, with the same scores.
  local function first_walk_in(i, first)
    if first[4] % 1 == 0 then return first end
    local w = redis.call('ZRANGE', KEYS[FIRST_QUEUE + i] .. WALK_INS_SUFFIX, '0', '0', 'WITHSCORES')
    if not w[1] then return nil end
    return entry(i, w[1], w[2])
  end

  local function decide()
    local heads, best_priority, priorities = {}, nil, 0
    for i = 1, n do
      local head = redis.call('ZRANGE', KEYS[FIRST_QUEUE + i], '0', '0', 'WITHSCORES')
      if head[1] then
        local h = entry(i, head[1], head[2], 1)
        heads[i] = h
        if h[4] < 0 and h[9] then
          priorities = priorities + 1
          if better(h, best_priority) then best_priority = h end
        end
      end
    end
    if best_priority and not normals_may_jump then
      return best_priority, 'PRIORITY', ratio and normal_streak or 0, priorities
    end
    -- the first normal ticket of each queue
    local normals = {}
    for i = 1, n do
      local h = heads[i]
      if h and h[4] < 0 then
        local first = redis.call('ZRANGEBYSCORE', KEYS[FIRST_QUEUE + i], '0', '+inf', 'WITHSCORES', 'LIMIT', '0', '1')
        h = first[1] and entry(i, first[1], first[2]) or nil
      end
      normals[i] = h
    end
    local best_normal, count = nil, 0
    for i = 1, n do
      local h = normals[i]
      if h and h[9] then
        count = count + 1
        if better(h, best_normal) then best_normal = h end
      end
    end
    if not best_normal then
      if best_priority then return best_priority, 'PRIORITY', ratio and normal_streak or 0, priorities end
      return nil
    end
    if walk_ins_may_jump then
      local best_walk_in, walk_ins = nil, 0
      for i = 1, n do
        if normals[i] then
          local w = first_walk_in(i, normals[i])
          if w and w[9] and w[5] >= walk_in_max_wait then
            walk_ins = walk_ins + 1
            if better(w, best_walk_in) then best_walk_in = w end
          end
        end
      end
      if best_walk_in then return best_walk_in, 'WALK_IN_TURN', appointment_streak, walk_ins end
    end
    if best_priority then return best_normal, 'NORMALS_TURN', ratio and normal_streak or streak, count end
    if best_normal[8] and weights[best_normal[2]] == 0 then return best_normal, 'BACKUP_OVER_TARGET', 0, count end
    if escalation and best_normal[8] and count > 1 then return best_normal, 'OVER_TARGET', 0, count end
    if count == 1 then return best_normal, 'ONLY_ONE', 0, count end
    return best_normal, 'WEIGHTED_WAIT', 0, count
  end

  -- fold: "turn is near" in the call's step (near_json, lib_call.lua): crossed[queue] counts the
  -- removals from it at a place <= N + 1, from the place the call already knows (the event's
  -- queue.place): nothing is read when N (ARGV after the field pairs) is not given, and no ZRANK is
  -- added when it is. (Locals of the step, captured by no closure: nothing paid when not asked.)
  local near_places = ARGV[6 + 2 * n]
  near_places = near_places and near_places + 0
  local crossed = nil

  -- A queued id whose ticket is gone or no longer waiting is dropped and the choice made again.
  for _ = 1, 50 do
    local h, rule, row, candidates = decide()
    if not h then return none_called(crossed and near_json(crossed, near_places, tprefix, T_APPT, T_STATUS, T_NUMBER)) end
    local id, i = h[1], h[2]
    local queue = KEYS[FIRST_QUEUE + i]
    local place = h[3] or place_in(queue, id)
    dequeue(queue, id, h[4])
    if near_places and place and place <= near_places + 1 then -- fold: a removal near the front
      crossed = crossed or {}
      crossed[queue] = (crossed[queue] or 0) + 1
    end
    local key = tprefix .. id
    local t = hash_of(redis.call('HGETALL', key))
    if t[T_STATUS] == 'WAITING' then
      -- the reason as one string (TicketCodec.why)
      local why = rule .. ' ' .. int(h[6]) .. ' ' .. (weights[i] == 0 and '1' or ARGV[4 + 2 * i]) .. ' '
        .. ARGV[5 + 2 * i] .. ' ' .. int(row) .. ' '
        .. int(candidates)
      t[T_STATUS], t[T_COUNTER], t[T_CALLED_AT], t[T_WHY] = 'CALLED', counter_id, now_s, why
      redis.call('HSET', key, T_STATUS, 'CALLED', T_COUNTER, counter_id, T_CALLED_AT, now_s, T_WHY, why)
      add_step(key, 'CALL', now_s, by, counter_id, t[T_SERVICE], nil, why, history_ttl)
      if h[4] < 0 then
        streak = streak + 1
        normal_streak = 0
      else
        streak = 0
        if h[4] % 1 ~= 0 then appointment_streak = appointment_streak + 1 else appointment_streak = 0 end
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
        .. '","waiting":' .. int(waiting_count(queue)) .. ',"place":' .. int(place) .. '}'
        .. (closed and (',"closed":' .. public_json(closed) .. ',"closedAs":"' .. closed_as .. '"'
          .. (closed_as == 'ticket.no_show' and ',"endReason":"skipped"}' or '}')) or '}'))
      settle_prediction(KEYS[5], id, t[T_ISSUED_AT], t[T_SLOT_START], now, history_ttl)
      if crossed then -- fold: near
        return '{"ticket":' .. ticket_json(id, t) .. (closed_json and (',"closed":' .. closed_json) or '')
          .. near_json(crossed, near_places, tprefix, T_APPT, T_STATUS, T_NUMBER) .. '}'
      end
      return '{"ticket":' .. ticket_json(id, t) .. (closed_json and (',"closed":' .. closed_json .. '}') or '}')
    end
  end
  return none_called(crossed and near_json(crossed, near_places, tprefix, T_APPT, T_STATUS, T_NUMBER))
end)
