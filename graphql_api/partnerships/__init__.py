"""Partnerships, programmes and organisations in the API."""
