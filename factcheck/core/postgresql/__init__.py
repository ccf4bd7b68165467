"""PostgreSQL with a short wait for a database that is restarting (see base.py)."""
