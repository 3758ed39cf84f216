"""``python -m sinosoviet_docs``: the same as the ``sinosoviet-docs`` command."""

import sys

from .cli import main

sys.exit(main())
