-- Commits wait until one of the listed standbys has flushed them (RDS Multi-AZ's guarantee); the slot holds standby names we made.
ALTER SYSTEM SET synchronous_standby_names = {names}
