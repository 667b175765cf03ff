"""`python -m audit` is the `findable` command."""

from audit.cli import app

app(prog_name="findable")
