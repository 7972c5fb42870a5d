"""The `kharita` command group: every command documents itself with examples."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from geo.cli import cli


def _commands(group: click.Group, ctx: click.Context, prefix=()):
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, ctx, (*prefix, name))
        else:
            yield (*prefix, name)


COMMANDS = sorted(_commands(cli, click.Context(cli)))


def test_all_subcommands_are_there():
    top = {c[0] for c in COMMANDS}
    assert {"run", "extract", "check", "map", "places", "gazetteer", "acled", "events"} <= top


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_has_examples(path):
    r = CliRunner().invoke(cli, [*path, "--help"])
    assert r.exit_code == 0, r.output
    assert "Examples:" in r.output and "kharita " in r.output.split("Examples:", 1)[1]
