-- lib: booking
-- Gives a hold's place back at once (DELETE .../holds/{hold}); an unknown or expired hold is no error.
-- KEYS: 1 hold record
-- ARGV: 1 hold id
return result({ released = drop_hold(KEYS[1], ARGV[1]) })
