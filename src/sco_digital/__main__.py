"""``python -m sco_digital``: the same as the ``sco-digital`` command."""

import sys

from ._entry import main

sys.exit(main())
