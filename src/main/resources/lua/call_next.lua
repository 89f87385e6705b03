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
-- KEYS: 1 counter, 2 version, 3 recent calls (today), 4 idempotency, 5 served counts (today),
--       6 prediction outcomes (today),
--       then one queue per field the counter may serve
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 channel, 5 ticket key prefix, 6 recent calls kept,
--       7 service date, 8 who pressed, 9 key given ('1'/'0'), 10 idempotency ttl s, 11 history ttl s,
--       12 maxPriorityInRow, 13 priority mode ('strict'/'ratio'), 14 normalsPerPriority,
--       15 maxAppointmentsInRow, 16 walk-in wait (ms) that gives walk-ins their turn, 17 agingPerHour,
--       18 escalation ('1'/'0'), 19 field count n, then per field i: weight (0: a backup field),
--       target (s, 0: none),
--       -- fold: then (ARGV[20 + 2n]) the "turn is near" places N ('' or absent: not asked). A ticket
--       with at most N before it is near; a removal from a queue at a place <= N + 1 brings the ticket
--       behind the zone into it, and only that one: the answer's 'near' lists the checked-in
--       appointments (ticket with 'appt', WAITING) so brought, {number, code, ahead} (omitted: none)
local office, counter_id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local channel, tprefix, today, by = ARGV[4], ARGV[5], ARGV[7], ARGV[8]
local max_in_row, ratio, normals_per_priority = tonumber(ARGV[12]), ARGV[13] == 'ratio', tonumber(ARGV[14])
local max_appointments, walk_in_max_wait = tonumber(ARGV[15]), tonumber(ARGV[16])
local aging, escalation, n = tonumber(ARGV[17]), ARGV[18] == '1', tonumber(ARGV[19])
local NO_PRIORITY_YET = 1000
local weights, targets = {}, {}
for i = 1, n do
  weights[i], targets[i] = tonumber(ARGV[18 + 2 * i]), tonumber(ARGV[19 + 2 * i])
end

-- fold: "turn is near" in the call's step. crossed[queue]: the removals from it at a place <= N + 1
-- (0-based rank <= N), each of which moved one more ticket into the zone: after k of them, the
-- tickets at places N + 2 - k .. N + 1 came in (a ticket already there is told once anyway: the
-- JVM's messages are deduplicated per booking). Nothing is looked at when N is not given.
local near_places = tonumber(ARGV[20 + 2 * n] or '')
local crossed = {}
local function leave(queue, id)
  if near_places then
    local rank = redis.call('ZRANK', queue, id)
    if rank and rank <= near_places then crossed[queue] = (crossed[queue] or 0) + 1 end
  end
  redis.call('ZREM', queue, id)
end
local function near_json()
  local out = {}
  for queue, k in pairs(crossed) do
    local from = near_places + 1 - k
    if from < 0 then from = 0 end
    for j, id in ipairs(redis.call('ZRANGE', queue, from, near_places)) do
      local t = load_ticket(tprefix .. id)
      if t and t.appt and t.status == 'WAITING' then
        out[#out + 1] = { number = t.number, code = t.appt, ahead = from + j - 1 }
      end
    end
  end
  if not out[1] then return nil end
  return cjson.encode(out)
end

-- The answer: the called and the ended (completed or skipped) ticket as stored (JSON strings, not encoded again).
local function answer(ticket_json, closed_json)
  local near = near_json() -- fold:
  local parts = {}
  if ticket_json then parts[#parts + 1] = '"ticket":' .. ticket_json end
  if closed_json then parts[#parts + 1] = '"closed":' .. closed_json end
  if near then parts[#parts + 1] = '"near":' .. near end -- fold:
  return '{' .. table.concat(parts, ',') .. '}'
end

return idempotent(KEYS[4], ARGV[9], 'call-next', ARGV[10], function()
  local state = redis.call('HMGET', KEYS[1], 'paused', 'current', 'day', 'priorityStreak', 'appointmentStreak',
    'normalStreak')
  if state[1] == '1' then
    return { error = 'counter_paused' }
  end

  -- the ticket the press ends (JSON as stored) and the counter fields its completion changes (its
  -- service time statistics and last completed ticket): a SERVING ticket is completed (DONE,
  -- counted as served); a CALLED one never started, so its citizen did not come: NO_SHOW,
  -- endReason 'skipped', a SKIP step, not counted as served
  local closed, done = nil, nil
  if state[2] then
    local t = load_ticket(tprefix .. state[2])
    if t and t.serviceDate == today and t.status == 'SERVING' then
      t.status = 'DONE'
      t.finishedAt = now
      add_step(t, 'COMPLETE', now, by, counter_id, nil)
      closed = save_ticket(tprefix .. state[2], t)
      count_served(KEYS[5], counter_id, tonumber(ARGV[11]))
      local old = redis.call('HMGET', KEYS[1], 't:' .. t.service, 'n:' .. t.service)
      local stats = service_time_fields(t, old[1], old[2])
      done = stats and { 'lastDone', t.id, stats[1], stats[2], stats[3], stats[4] } or { 'lastDone', t.id }
      emit(KEYS[2], channel, { type = 'ticket.done', office = office, at = now, ticket = public_ticket(t),
        counter = counter_id })
    elseif t and t.serviceDate == today and t.status == 'CALLED' then
      t.status = 'NO_SHOW'
      t.finishedAt = now
      t.endReason = 'skipped'
      add_step(t, 'SKIP', now, by, counter_id, nil)
      closed = save_ticket(tprefix .. state[2], t)
      emit(KEYS[2], channel, { type = 'ticket.no_show', office = office, at = now, ticket = public_ticket(t),
        counter = counter_id, endReason = 'skipped' })
    end
  end
  -- the counter's current ticket: replaced by the one called, else let go
  local function release()
    if done then redis.call('HSET', KEYS[1], unpack(done)) end
    if state[2] then redis.call('HDEL', KEYS[1], 'current') end
  end

  local streak, appointment_streak, normal_streak = 0, 0, NO_PRIORITY_YET
  if state[3] == today then
    streak = tonumber(state[4] or '0')
    appointment_streak = tonumber(state[5] or '0')
    normal_streak = tonumber(state[6] or NO_PRIORITY_YET)
  end
  -- the normals' turn may come (it does if a normal ticket may be taken)
  local normals_may_jump
  if ratio then normals_may_jump = normal_streak < normals_per_priority
  else normals_may_jump = max_in_row > 0 and streak >= max_in_row end
  -- after max_appointments appointment calls in a row, a walk-in who waited long enough goes first
  local walk_ins_may_jump = max_appointments > 0 and appointment_streak >= max_appointments

  local function entry(i, id, score)
    local weight, target = weights[i], targets[i]
    local order = tonumber(score)
    local arrival, priority, appointment = arrival_of(order)
    local waited_ms = now - arrival
    if waited_ms < 0 then waited_ms = 0 end
    local waited = math.floor(waited_ms / 1000)
    local backup = weight == 0
    if backup then weight = 1 end
    local over = target > 0 and waited >= target
    return { id = id, queue = KEYS[6 + i], priority = priority, appointment = appointment, waited_ms = waited_ms,
             waited = waited, weight = weight, target = target, backup = backup, over = over,
             eligible = not backup or over, order = order,
             score = waited * (weight * 3600 + aging * waited) }
  end

  -- is a better than b (nil)? escalated first (most over target), then the aged score, then queue order
  local function better(a, b)
    if not b then return true end
    if escalation then
      if a.over ~= b.over then return a.over end
      if a.over then
        local l, r = a.waited * b.target, b.waited * a.target
        if l ~= r then return l > r end
      end
    end
    if a.score ~= b.score then return a.score > b.score end
    return a.order < b.order
  end

  -- The first walk-in of a queue's normal part, whose first entry is given; nil if none.
  local function first_walk_in(i, first)
    if not first.appointment then return first end
    local offset = 1
    while true do
      local page = redis.call('ZRANGEBYSCORE', KEYS[6 + i], 0, '+inf', 'WITHSCORES', 'LIMIT', offset, 32)
      if not page[1] then return nil end
      for j = 1, #page, 2 do
        local h = entry(i, page[j], page[j + 1])
        if not h.appointment then return h end
      end
      offset = offset + 32
    end
  end

  local function decide()
    local heads, best_priority, priorities = {}, nil, 0
    for i = 1, n do
      local head = redis.call('ZRANGE', KEYS[6 + i], 0, 0, 'WITHSCORES')
      if head[1] then
        local h = entry(i, head[1], head[2])
        heads[i] = h
        if h.priority and h.eligible then
          priorities = priorities + 1
          if better(h, best_priority) then best_priority = h end
        end
      end
    end
    local function priority_call()
      return best_priority, 'PRIORITY', ratio and normal_streak or 0, priorities
    end
    if best_priority and not normals_may_jump then return priority_call() end
    -- the first normal ticket of each queue
    local normals = {}
    for i = 1, n do
      local h = heads[i]
      if h and h.priority then
        local first = redis.call('ZRANGEBYSCORE', KEYS[6 + i], 0, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
        h = first[1] and entry(i, first[1], first[2]) or nil
      end
      normals[i] = h
    end
    local best_normal, count = nil, 0
    for i = 1, n do
      local h = normals[i]
      if h and h.eligible then
        count = count + 1
        if better(h, best_normal) then best_normal = h end
      end
    end
    if not best_normal then
      if best_priority then return priority_call() end
      return nil
    end
    if walk_ins_may_jump then
      local best_walk_in, walk_ins = nil, 0
      for i = 1, n do
        if normals[i] then
          local w = first_walk_in(i, normals[i])
          if w and w.eligible and w.waited_ms >= walk_in_max_wait then
            walk_ins = walk_ins + 1
            if better(w, best_walk_in) then best_walk_in = w end
          end
        end
      end
      if best_walk_in then return best_walk_in, 'WALK_IN_TURN', appointment_streak, walk_ins end
    end
    if best_priority then return best_normal, 'NORMALS_TURN', ratio and normal_streak or streak, count end
    if best_normal.over and best_normal.backup then return best_normal, 'BACKUP_OVER_TARGET', 0, count end
    if escalation and best_normal.over and count > 1 then return best_normal, 'OVER_TARGET', 0, count end
    if count == 1 then return best_normal, 'ONLY_ONE', 0, count end
    return best_normal, 'WEIGHTED_WAIT', 0, count
  end

  -- A queued id whose ticket is gone or no longer waiting is dropped and the choice made again.
  for _ = 1, 50 do
    local h, rule, row, candidates = decide()
    if not h then
      release()
      return answer(nil, closed)
    end
    leave(h.queue, h.id) -- fold: was ZREM; counts a removal near the front
    local t = load_ticket(tprefix .. h.id)
    if t and t.status == 'WAITING' then
      t.status = 'CALLED'
      t.counter = counter_id
      t.calledAt = now
      add_step(t, 'CALL', now, by, counter_id, nil)
      -- the reason as one string (TicketCodec.why): no table of numbers to decode and encode again
      t.steps[#t.steps].why = rule .. ' ' .. h.waited .. ' ' .. h.weight .. ' ' .. h.target .. ' ' .. row .. ' ' .. candidates
      local called = save_ticket(tprefix .. h.id, t)
      if h.priority then
        streak = streak + 1
        normal_streak = 0
      else
        streak = 0
        if h.appointment then appointment_streak = appointment_streak + 1 else appointment_streak = 0 end
        if normal_streak < NO_PRIORITY_YET then normal_streak = normal_streak + 1 end
      end
      local fields = { 'current', t.id, 'priorityStreak', streak, 'appointmentStreak', appointment_streak,
        'normalStreak', normal_streak, 'day', today }
      if done then
        for j = 1, #done do fields[10 + j] = done[j] end
      end
      redis.call('HSET', KEYS[1], unpack(fields))
      remember_call(KEYS[3], tonumber(ARGV[6]), t, now)
      emit(KEYS[2], channel, { type = 'ticket.called', office = office, at = now, ticket = public_ticket(t),
        counter = counter_id, queue = { service = t.service, waiting = waiting_count(h.queue) } })
      settle_prediction(KEYS[6], t, now, tonumber(ARGV[11]))
      return answer(called, closed)
    end
  end
  release()
  return answer(nil, closed)
end)
