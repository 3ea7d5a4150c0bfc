"""The test run's own cache folder, set before anything else is imported.

Every run starts from an empty cache of its own, so no result cached by an earlier run, in
another checkout or by the user's own builds, can decide a test. conftest imports this
module first, before anything imports matplotlib, which reads its font list from the same
place: the test process and the subprocesses it starts then see the same fonts.
"""

import os
import tempfile

CACHE_HOME = tempfile.mkdtemp(prefix="reportgen-test-cache-")
os.environ["XDG_CACHE_HOME"] = CACHE_HOME
