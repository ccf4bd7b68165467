"""A bench-only site for bench/api_load.py: the project plus one bare view, same process, same middleware."""
