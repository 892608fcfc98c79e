"""The baseline for cold-start figures: the smallest honest Typer + pydantic CLI.

It does what every factx run must do at the least (start Python, import Typer and
pydantic, parse arguments, build one model, print it as JSON), so the ratio
factx / minimal app measures what factx adds, not how fast this machine is.
"""
from __future__ import annotations

from pathlib import Path

import typer
from pydantic import BaseModel


class Result(BaseModel):
    source: str
    size: int
    words: int


app = typer.Typer(add_completion=False)


@app.command()
def main(path: str = typer.Argument(..., help="A text file.")) -> None:
    """Print the size of a text file as one JSON document."""
    text = Path(path).read_text(encoding="utf-8")
    print(Result(source=path, size=len(text), words=len(text.split())).model_dump_json(indent=2))


if __name__ == "__main__":
    app()
