"""授权数据: grants held, their rows within them, the offline cache, export, audit."""
