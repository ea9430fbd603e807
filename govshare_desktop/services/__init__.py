"""Use cases shared by the GUI and the CLI; Qt-free, with progress callbacks and cancellation."""
