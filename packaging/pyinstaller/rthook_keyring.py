"""PyInstaller runtime hook: in the frozen Windows build, keyring uses the Credential Manager.

keyring finds its backends through entry points, which a frozen build only has if the
package metadata was collected; naming the backend outright does not depend on that. An
administrator's explicit PYTHON_KEYRING_BACKEND still wins.
"""

import os
import sys

if sys.platform == "win32":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.Windows.WinVaultKeyring")
