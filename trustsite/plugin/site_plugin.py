"""Passes MkDocs' command to trustsite.build_kind, so every hook can tell a preview from a build."""

from trustsite.build_kind import started_by


def on_startup(command, dirty):
    started_by(command)
