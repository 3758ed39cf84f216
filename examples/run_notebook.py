"""Execute a notebook from top to bottom and fail on the first error (used by CI).

Run:  python examples/run_notebook.py examples/tutorial.ipynb

Needs the examples extra: pip install 'sinosoviet-docs[examples]'. The
notebook file is not changed; its outputs are thrown away.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbclient
import nbformat


def main(paths: list[str]) -> int:
    for path in paths:
        start = time.perf_counter()
        notebook = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}}
        )
        client.execute()  # raises CellExecutionError naming the cell that failed
        cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
        print(f"{Path(path).name}: {cells} code cells ran in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["examples/tutorial.ipynb"]))
