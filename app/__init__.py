"""Canales: a live help-desk console for support channels."""

__version__ = "0.1.0"
