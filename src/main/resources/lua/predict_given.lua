-- Remembers the wait prediction a ticket's holder was given, for a ticket whose issuing step did not
-- record it (its place was not among the ones foretold: issue_new in lib_issue.lua records the rest),
-- in the ticket's own hash (T_GIVEN), as the issuing step does. The first one given stays: a replayed
-- issue or a second check-in does not change it. A ticket gone (its history's lifetime over) gets
-- nothing: no hash without a lifetime is made.
-- KEYS: 1 the ticket. ARGV: 1 "ahead,p50 ms,p90 ms,raw p50 ms,raw p90 ms,field" (shown, then the raw
-- model's before calibration, then the ticket's field).
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSETNX', KEYS[1], T_GIVEN, ARGV[1]) end
return '1'
