"""The README documents the command line: every command and every option appears in it
(in the style of sqlite-utils' docs tests). A new option without a word in the README fails."""
from __future__ import annotations

from pathlib import Path

import click
import pytest

from scrapers.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(cmd=cli, path=("tracker",)):
    yield " ".join(path), cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from commands(sub, path + (name,))


@pytest.mark.parametrize("name,cmd", list(commands()), ids=[n for n, _ in commands()])
def test_every_command_and_option_is_in_the_readme(name, cmd):
    assert name in README, f"`{name}` is not in README.md"
    missing = [opt for p in cmd.params if isinstance(p, click.Option) for opt in p.opts
               if opt.startswith("--") and opt not in README]
    assert missing == [], f"`{name}` options not in README.md: {missing}"
