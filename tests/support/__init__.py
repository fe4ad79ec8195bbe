"""Helpers the tests of every tier share, imported as tests.support.<module>;
tests/conftest.py holds only fixtures and hooks."""
