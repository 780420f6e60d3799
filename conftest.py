"""Root test configuration: Qt renders offscreen unless a platform is asked for explicitly
(``QT_QPA_PLATFORM=xcb pytest`` shows the windows on a display)."""

import os

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
