"""Hostile input: corrupted and fuzzed data, schemas, threads, immutability, safe writes, CLI."""
