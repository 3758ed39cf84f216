"""Tests of the exports, one module a format (mirroring ``sinosoviet_docs.export``)."""
