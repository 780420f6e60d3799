"""Root test configuration: Qt renders offscreen unless a platform is asked for explicitly
(``QT_QPA_PLATFORM=xcb pytest`` shows the windows on a display)."""

import os

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

# On CI the property tests and fuzzers run with a fixed seed: a failure there is reproducible
# from the log, and main does not turn red by the luck of the draw. Locally each run draws anew
# (and failures found are replayed from .hypothesis/).
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # the test extra is not installed: nothing to configure
    pass
