"""Instructor tooling for the course kit (not shipped to students)."""
