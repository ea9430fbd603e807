"""共享申请: share requests (Art. 13)."""
