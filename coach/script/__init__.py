"""Scripts: the text a speaker plans to say, checked as it is written and against a rehearsal."""
