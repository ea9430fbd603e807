"""共享目录: the shared directory page."""
