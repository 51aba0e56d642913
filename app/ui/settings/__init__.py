"""The supervisor's settings dialog (issue #4): edit a working copy, validate as you type,
save atomically with conflict detection. :class:`SettingsDialog` is the entry point."""

from app.ui.settings.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
