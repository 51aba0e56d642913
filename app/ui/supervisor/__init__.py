"""The supervisor's settings dialog: edit a working copy, validate as you type, save safely."""
