"""Benchmarks of the client against raw httpx and its peers; run with ``python -m bench`` (or ``make bench``).

Every figure is a ratio against a baseline measured in the same run, over recorded server answers
replayed in process (:mod:`bench.replay`) or by a loopback server (:mod:`bench.server`).
"""
