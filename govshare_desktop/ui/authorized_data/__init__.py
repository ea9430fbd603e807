"""授权数据: the data this unit is authorised to see (Art. 14, 15)."""
