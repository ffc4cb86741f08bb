"""Xiaomi cloud client: login, signed requests and the sharing endpoints.

This package has no Home Assistant imports; the integration injects an aiohttp
session and keeps the credentials.
"""
