-- A counter presses "next": its unfinished ticket of today (if any) is completed, then the best
-- waiting ticket it may serve is called (rules in CallNextPolicy.java), all in one step.
-- Queue scores are queue_score (lib.lua): priority tickets first, each group by effective arrival
-- (an appointment's is its slot start; its score ends in .5); ties go to the lower score. The
-- counter's priority and appointment streaks belong to one day: a new day starts them at 0.
-- The completion counts towards the counter's served total of the day.
-- KEYS: 1 counter, 2 version, 3 recent calls (today), 4 idempotency, then one queue per service,
--       then the served counts (today)
-- ARGV: 1 office, 2 counterId, 3 now ms, 4 maxPriorityInRow, 5 channel, 6 ticket key prefix,
--       7 recent calls kept, 8 service date, 9 who pressed, 10 key given ('1'/'0'),
--       11 idempotency ttl s, 12 service count, then per service i: weight, then history ttl s,
--       then maxAppointmentsInRow, then the walk-in wait (ms) that gives walk-ins their turn
local office, counter_id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local max_in_row, channel, tprefix = tonumber(ARGV[4]), ARGV[5], ARGV[6]
local today, by = ARGV[8], ARGV[9]
local n = tonumber(ARGV[12])
local max_appointments = tonumber(ARGV[14 + n] or '0')
local walk_in_max_wait = tonumber(ARGV[15 + n] or '0')

return idempotent(KEYS[4], ARGV[10], 'call-next', ARGV[11], function()
  if redis.call('HGET', KEYS[1], 'paused') == '1' then
    return { error = 'counter_paused' }
  end

  local closed = nil
  local current = redis.call('HGET', KEYS[1], 'current')
  if current then
    local t = load_ticket(tprefix .. current)
    if t and t.serviceDate == today and (t.status == 'CALLED' or t.status == 'SERVING') then
      t.status = 'DONE'
      t.finishedAt = now
      add_step(t, 'COMPLETE', now, by, counter_id, nil)
      save_ticket(tprefix .. current, t)
      count_served(KEYS[5 + n], counter_id, tonumber(ARGV[13 + n]))
      emit(KEYS[2], channel, { type = 'ticket.done', office = office, at = now, ticket = public_ticket(t),
        counter = counter_id })
      closed = t
    end
    redis.call('HDEL', KEYS[1], 'current')
  end

  local streak, appointment_streak = 0, 0
  if redis.call('HGET', KEYS[1], 'day') == today then
    streak = tonumber(redis.call('HGET', KEYS[1], 'priorityStreak') or '0')
    appointment_streak = tonumber(redis.call('HGET', KEYS[1], 'appointmentStreak') or '0')
  end
  -- after max_in_row priority calls in a row, a waiting normal ticket goes first
  local normals_may_jump = max_in_row > 0 and streak >= max_in_row
  -- after max_appointments appointment calls in a row, a walk-in who waited long enough goes first
  local walk_ins_may_jump = max_appointments > 0 and appointment_streak >= max_appointments

  local function head_entry(queue, weight, id, score)
    local arrival, priority, appointment = arrival_of(tonumber(score))
    local waited = now - arrival
    if waited < 0 then waited = 0 end
    return { id = id, queue = queue, priority = priority, appointment = appointment, arrival = arrival,
             order = tonumber(score), score = weight * waited }
  end

  -- The first walk-in of a queue's normal part, whose first entry is given; nil if none.
  local function first_walk_in(queue, weight, first)
    if not first.appointment then return first end
    local offset = 1
    while true do
      local page = redis.call('ZRANGEBYSCORE', queue, 0, '+inf', 'WITHSCORES', 'LIMIT', offset, 32)
      if not page[1] then return nil end
      for j = 1, #page, 2 do
        local h = head_entry(queue, weight, page[j], page[j + 1])
        if not h.appointment then return h end
      end
      offset = offset + 32
    end
  end

  local function better(best, h)
    return not best or h.score > best.score or (h.score == best.score and h.order < best.order)
  end

  local function best_head()
    local best_priority, best_normal, best_walk_in = nil, nil, nil
    for i = 1, n do
      local queue, weight = KEYS[4 + i], tonumber(ARGV[12 + i])
      local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
      if head[1] then
        local h = head_entry(queue, weight, head[1], head[2])
        local normal = nil
        if h.priority then
          if better(best_priority, h) then best_priority = h end
          if normals_may_jump or walk_ins_may_jump then
            local first = redis.call('ZRANGEBYSCORE', queue, 0, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
            if first[1] then normal = head_entry(queue, weight, first[1], first[2]) end
          end
        else
          normal = h
        end
        if normal then
          if better(best_normal, normal) then best_normal = normal end
          if walk_ins_may_jump then
            local w = first_walk_in(queue, weight, normal)
            if w and now - w.arrival >= walk_in_max_wait and better(best_walk_in, w) then best_walk_in = w end
          end
        end
      end
    end
    if best_priority and not (normals_may_jump and best_normal) then return best_priority end
    return best_walk_in or best_normal
  end

  -- A queued id whose ticket is gone or no longer waiting is dropped and the choice made again.
  for _ = 1, 50 do
    local h = best_head()
    if not h then
      return { closed = closed }
    end
    redis.call('ZREM', h.queue, h.id)
    local t = load_ticket(tprefix .. h.id)
    if t and t.status == 'WAITING' then
      t.status = 'CALLED'
      t.counter = counter_id
      t.calledAt = now
      add_step(t, 'CALL', now, by, counter_id, nil)
      save_ticket(tprefix .. h.id, t)
      if h.priority then
        streak = streak + 1
      else
        streak = 0
        if h.appointment then appointment_streak = appointment_streak + 1 else appointment_streak = 0 end
      end
      redis.call('HSET', KEYS[1], 'current', t.id, 'priorityStreak', streak, 'appointmentStreak', appointment_streak,
        'day', today)
      remember_call(KEYS[3], tonumber(ARGV[7]), t, now)
      emit(KEYS[2], channel, { type = 'ticket.called', office = office, at = now, ticket = public_ticket(t),
        counter = counter_id, queue = { service = t.service, waiting = waiting_count(h.queue) } })
      return { ticket = t, closed = closed }
    end
  end
  return { closed = closed }
end)
